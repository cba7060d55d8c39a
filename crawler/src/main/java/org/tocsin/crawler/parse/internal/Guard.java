package org.tocsin.crawler.parse.internal;

import org.tocsin.core.json.PostFormatException;

/**
 * The last line of a parser's exception contract: any runtime failure in a third-party library
 * (jsoup, ROME, Jackson) on hostile input becomes a {@link PostFormatException} naming the format.
 */
public final class Guard {

  /** A parsing step that may only fail with {@link PostFormatException}. */
  @FunctionalInterface
  public interface Step<T> {
    /** Runs the step. */
    T run() throws PostFormatException;
  }

  private Guard() {}

  /**
   * Runs a step and turns anything but a {@link PostFormatException} into one.
   *
   * @throws PostFormatException from the step, or wrapping its unexpected failure
   */
  public static <T> T run(String format, Step<T> step) throws PostFormatException {
    try {
      return step.run();
    } catch (RuntimeException e) {
      throw new PostFormatException(format + ": malformed input [got " + e + "]", e);
    } catch (StackOverflowError e) {
      // Deeply nested hostile markup: the parser gave up; the capture itself stays in the ledger.
      throw new PostFormatException(format + ": input nested too deeply", e);
    }
  }
}
