package org.tocsin.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.tocsin.core.SuppressForbidden;
import picocli.CommandLine;

/** The {@code tocsin} launcher's entry point. */
public final class Main {
  /**
   * ND4J and DL4J announce their native backend at INFO on every start; that buries the demo's
   * sign-in banner. Held here so that java.util.logging keeps the levels (it holds loggers weakly).
   */
  private static final java.util.logging.Logger[] QUIETER = {
    java.util.logging.Logger.getLogger("org.nd4j"),
    java.util.logging.Logger.getLogger("org.deeplearning4j")
  };

  private Main() {}

  /** Runs the command line and exits with its code: 0 success, 1 failure, 2 usage error. */
  @SuppressForbidden(reason = "the process's exit code is the CLI's contract")
  public static void main(String[] args) {
    for (java.util.logging.Logger l : QUIETER) {
      l.setLevel(java.util.logging.Level.WARNING);
    }
    System.exit(run(args, stdout(), stderr()));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new TocsinCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("tocsin: error: " + oneLine(e));
          commandLine.getErr().flush();
          return 1;
        });
    cl.setParameterExceptionHandler(
        (e, args2) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("tocsin: " + e.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          c.getErr().flush();
          return 2;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static String oneLine(Throwable e) {
    String msg = e.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = e.getClass().getSimpleName();
    }
    return msg.replace('\n', ' ');
  }

  private static PrintWriter stdout() {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
        true);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
        true);
  }
}
