package dev.losslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code losslab} command: lists its subcommands. Each subcommand is a small class returning its
 * exit code: 0 success, 1 failure, 2 usage error.
 */
@Command(
    name = "losslab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Neural-network losses with exact gradients, the models they train, and experiments.")
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The subcommands, in the order the usage lists them. */
  private static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
      CommandLine.HelpCommand.class, dev.losslab.cli.loss.LossCommand.class,
      GradcheckCommand.class, ExploreCommand.class, ExperimentCommand.class, CompareCommand.class,
      dev.losslab.cli.text.SupervisedCommand.class, dev.losslab.cli.text.TestCommand.class,
      dev.losslab.cli.text.TestLabelCommand.class, dev.losslab.cli.text.PredictCommand.Labels.class,
      dev.losslab.cli.text.PredictCommand.WithProbabilities.class,
      dev.losslab.cli.text.DumpCommand.class, dev.losslab.cli.text.QuantizeCommand.class,
      dev.losslab.cli.text.VectorsCommand.Words.class,
      dev.losslab.cli.text.VectorsCommand.Sentences.class);

  /** Builds the command line with every subcommand registered. */
  public static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * Builds the command line for a run whose first argument is {@code first}: when it names a
   * subcommand other than {@code help}, that subcommand alone is registered, since building the
   * others (picocli reads every option's annotations) would take about a third of a short command's
   * start-up; otherwise (no argument, an option, help, a mistyped name) every subcommand is, for the
   * usage and the suggestions.
   */
  static CommandLine commandLine(String first) {
    CommandLine cl = new CommandLine(new Main());
    Class<?> only = null;
    for (Class<?> c : SUBCOMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (name.equals(first) && !name.equals("help")) {
        only = c;
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      if (only == null || c == only) {
        cl.addSubcommand(c);
      }
    }
    if (cl.getSubcommands().containsKey("loss")) {
      lossFooter(cl.getSubcommands().get("loss"));
    }
    usageWidth(cl, System.getenv("COLUMNS"));
    cl.setExecutionExceptionHandler(new Errors.Handler());
    cl.setParameterExceptionHandler(new Errors.UsageHandler());
    return cl;
  }

  /** The loss command's usage ends with every name it takes. */
  private static void lossFooter(CommandLine loss) {
    java.util.List<String> provided = dev.losslab.loss.Losses.providedNames();
    loss.getCommandSpec().usageMessage().footer(
        "", "Losses: " + String.join(", ", dev.losslab.loss.Losses.names()) + ".",
        "Composed losses: <unit>-<divergence>, unit one of "
            + String.join(", ", dev.losslab.unit.Units.outputUnitNames()) + ", divergence one of "
            + String.join(", ", dev.losslab.loss.Losses.divergenceNames()) + ".",
        "Provided losses (loss providers on the class path, e.g. LOSSLAB_CLASSPATH=my-losses.jar): "
            + (provided.isEmpty() ? "none" : String.join(", ", provided)) + ".",
        "A formula: formula:EXPR, the loss of one example in s (scores), y (target row), p = softmax(s),"
            + " label and K, e.g. 'formula:logsumexp(s) - s[label]'.");
  }

  /**
   * How wide {@code --help} is: {@code -Dpicocli.usage.width=N} first (picocli reads it), then an
   * exported {@code COLUMNS} (e.g. {@code COLUMNS=120 losslab compare --help}), then the terminal's
   * width when standard output is one; 80 otherwise, so piped help reads the same everywhere.
   */
  static void usageWidth(CommandLine cl, String columns) {
    if (System.getProperty("picocli.usage.width") != null) {
      return;
    }
    if (columns != null && columns.strip().matches("\\d{1,4}")) {
      // picocli's minimum is 55; a narrower COLUMNS still gets 55
      cl.setUsageHelpWidth(Math.max(55, Integer.parseInt(columns.strip())));
    } else {
      cl.setUsageHelpAutoWidth(true);
    }
  }

  public static void main(String[] args) {
    CommandLine cl = commandLine(args.length > 0 ? args[0] : null);
    // UTF-8 whatever the locale, as the input is read; the stream behind it for raw bytes
    cl.setOut(new ByteOut(new java.io.FileOutputStream(java.io.FileDescriptor.out)));
    cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.err), java.nio.charset.StandardCharsets.UTF_8),
        true));
    int code = run(cl, args, System.err);
    cl.getOut().flush();
    cl.getErr().flush();
    System.exit(code);
  }

  /**
   * Runs the command line; an {@link OutOfMemoryError} (picocli lets errors through) becomes one line
   * on {@code err} with the heap's size and the remedy, and exit code 1. The files a command writes are
   * written to a temporary file and renamed when complete, so none is left half-written.
   */
  static int run(CommandLine cl, String[] args, java.io.PrintStream err) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      String command = args.length > 0 && !args[0].startsWith("-") ? " " + args[0] : "";
      err.println("losslab" + command + ": out of memory (" + e.getMessage() + ", heap of "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MB); give the JVM more with"
          + " LOSSLAB_JAVA_OPTS=-Xmx<size> (e.g. -Xmx8g), or train a smaller model (-bucket, -dim)");
      err.flush();
      return Errors.FAILURE;
    }
  }

  /** Reports the version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"losslab " + (v == null ? "dev" : v)};
    }
  }
}
