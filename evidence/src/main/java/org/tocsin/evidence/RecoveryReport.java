package org.tocsin.evidence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What opening a ledger had to do to the file.
 *
 * @param truncatedBytes how many bytes of torn tail were cut from the end of the file (0 if none)
 * @param quarantineFile where those bytes were copied before the cut, or {@code null} if none
 * @param message a sentence for the operator's log
 */
public record RecoveryReport(long truncatedBytes, Path quarantineFile, String message) {

  /** Checks that a quarantine file is named exactly when bytes were cut. */
  public RecoveryReport {
    if (truncatedBytes < 0 || (truncatedBytes > 0) != (quarantineFile != null)) {
      throw new IllegalArgumentException(
          "quarantineFile must be given exactly when bytes were truncated [got "
              + truncatedBytes
              + ", "
              + quarantineFile
              + "]");
    }
    Objects.requireNonNull(message, "message");
  }

  /** Whether open() found the file whole and changed nothing. */
  public boolean clean() {
    return truncatedBytes == 0;
  }
}
