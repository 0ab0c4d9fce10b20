package dev.losslab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How user mistakes reach the user: one line on stderr, never a stack trace. Usage errors (bad flags,
 * bad values, {@link IllegalArgumentException} from the library) exit 2; other failures
 * ({@link UserException}, I/O errors, a formula loss that is NaN or infinite at the given scores)
 * exit 1. A formula's syntax error adds two lines under the first: the formula and a caret. A
 * standard output closed by its reader ends the command quietly ({@link #OUTPUT_CLOSED}). Set
 * {@code LOSSLAB_DEBUG=1} to see stack traces.
 */
public final class Errors {
  private Errors() {}

  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for a failure of the work itself (unreadable file, diverged training). */
  public static final int FAILURE = 1;
  /** Exit code for a usage error (bad argument or value). */
  public static final int USAGE = 2;
  /**
   * Exit code when standard output is closed by its reader ({@code predict-prob ... | head}): the
   * shell's status for fastText, which the signal SIGPIPE ends there (128 + 13).
   */
  public static final int OUTPUT_CLOSED = 141;

  /**
   * What a failed write of standard output ends the command with: quietly, with
   * {@link #OUTPUT_CLOSED}, when its reader has gone (a broken pipe); otherwise one line naming
   * standard output and the error (a full disk), exit 1.
   */
  public static RuntimeException standardOutput(java.io.IOException e) {
    String m = e.getMessage();
    if (m != null && m.contains("Broken pipe")) {
      return new OutputClosed(e);
    }
    return new java.io.UncheckedIOException("standard output: " + m, e);
  }

  /** Standard output's reader has gone: no message, exit {@link #OUTPUT_CLOSED}. */
  static final class OutputClosed extends RuntimeException {
    OutputClosed(java.io.IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** A failure with a message meant for the user and an exit code. */
  public static final class UserException extends RuntimeException {
    private final int exitCode;

    public UserException(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    public UserException(String message) {
      this(message, FAILURE);
    }

    public int exitCode() {
      return exitCode;
    }
  }

  static boolean debug() {
    return "1".equals(System.getenv("LOSSLAB_DEBUG"));
  }

  /** "losslab: " or "losslab NAME: ", the prefix of every error line. */
  static String prefix(CommandLine cl) {
    String q = UsageHandler.qualifiedName(cl);
    return q.isEmpty() ? "losslab: " : "losslab " + q + ": ";
  }

  static final class Handler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
      PrintWriter err = cl.getErr();
      if (debug()) {
        ex.printStackTrace(err);
      }
      if (ex instanceof OutputClosed) {
        return OUTPUT_CLOSED;
      }
      int code;
      String message;
      if (ex instanceof UserException u) {
        code = u.exitCode();
        message = u.getMessage();
      } else if (ex instanceof IllegalArgumentException) {
        code = USAGE;
        message = ex.getMessage();
      } else if (ex instanceof dev.losslab.formula.FormulaDomainException) {
        code = FAILURE; // a formula not defined (or overflowing) at the given scores
        message = ex.getMessage();
      } else if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
        code = FAILURE;
        message = ex.getMessage();
      } else {
        code = FAILURE;
        message = "internal error: " + ex + " (set LOSSLAB_DEBUG=1 for the stack trace)";
      }
      err.println(prefix(cl) + message);
      err.flush();
      return code;
    }
  }

  static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      CommandLine cl = ex.getCommandLine();
      PrintWriter err = cl.getErr();
      err.println(prefix(cl) + ex.getMessage());
      String q = qualifiedName(cl);
      err.println("Try 'losslab " + (q.isEmpty() ? "" : q + " ") + "--help' for usage.");
      err.flush();
      return USAGE;
    }

    static String qualifiedName(CommandLine cl) {
      String q = cl.getCommandSpec().qualifiedName(" ");
      return q.startsWith("losslab ") ? q.substring("losslab ".length()) : "";
    }
  }
}
