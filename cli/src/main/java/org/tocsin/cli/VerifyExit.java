package org.tocsin.cli;

/**
 * The exit codes of {@code tocsin verify} and {@code tocsin verify-bundle}, listed in their {@code
 * --help}. Scripts and courts read them: 0 must mean that everything asked for was proven.
 */
final class VerifyExit {

  /** Every check passed and everything the user asked for was proven. */
  static final int OK = 0;

  /** A check failed: the ledger or bundle is damaged, changed, cut or signed by another key. */
  static final int FAULT = 1;

  /** Bad usage (picocli's code for parameter errors): bad option, unreadable key or head file. */
  static final int USAGE = 2;

  /** No check failed, but something could not be proven (no usable key, older bag format). */
  static final int NOT_PROVEN = 3;

  private VerifyExit() {}
}
