package dev.losslab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code losslab} commands in tests exactly as {@link Main} wires them (every subcommand, the
 * error handlers, the exit codes) and captures standard output and standard error.
 */
public final class CommandRun {
  /** Everything the commands printed on standard output, across runs. */
  public final StringWriter out = new StringWriter();
  /** Everything the commands printed on standard error, across runs. */
  public final StringWriter err = new StringWriter();

  /** A fresh command line writing into {@link #out} and {@link #err}, for tests that adjust it first. */
  public CommandLine commandLine() {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl;
  }

  /** Runs {@code losslab ARGS...} and returns its exit code. */
  public int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Runs {@code losslab COMMAND ARGS...} and returns its exit code. */
  public int command(String command, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    return execute(all);
  }

  @Override
  public String toString() {
    return "out: " + out + "\nerr: " + err;
  }
}
