package dev.losslab.cli;

import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.CompareResult;
import dev.losslab.experiment.Comparison;
import dev.losslab.experiment.DataInfo;
import dev.losslab.experiment.GradientDiagnostics;
import dev.losslab.experiment.Lab;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.RunResult;
import dev.losslab.experiment.TextData;
import dev.losslab.report.ProgressBar;
import dev.losslab.report.ReportWriter;
import dev.losslab.sweep.EngineSettings;
import dev.losslab.sweep.EngineUnavailableException;
import dev.losslab.sweep.Grid;
import dev.losslab.sweep.RunStore;
import dev.losslab.sweep.SweepEngines;
import dev.losslab.sweep.SweepPlan;
import dev.losslab.sweep.SweepProgress;
import dev.losslab.sweep.SweepResult;
import dev.losslab.sweep.SweepRunner;
import dev.losslab.text.Args;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code losslab compare}: the same model trained with several losses and seeds, as a report. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    header = "Train one model with several losses and seeds; writes an HTML report.",
    description = {
      "Trains the same model with several losses and seeds and writes a report: learning curves with"
          + " seed bands, test accuracy, gradient norm, stalled and wrong-direction fractions per epoch,"
          + " each with a sentence that reads its numbers, and a summary table of the last and the best"
          + " epoch.",
      "",
      "Data: the built-in Gaussian clusters (no argument), --dense FILE|FOLDER, or text in fastText's"
          + " format with -input FILE -test FILE (the text classifier).",
      "",
      "Grids (dense data): --grid NAME=V1,V2,... sweeps an option (lr, momentum, batch, epochs,"
          + " weight-decay, optimizer, stop, hidden, activation, noise, or a loss's own as LOSS:OPTION,"
          + " e.g. gce:q=0.3,0.7); repeat it for more options. Every combination x loss x seed is one run;"
          + " the report adds a table per grid cell, accuracy against each swept option and, for two, a heat"
          + " map per loss. Examples: --grid lr=0.01,0.05,0.2 --grid noise=none,symmetric:0.4,pair:0.4;"
          + " --grid hidden=0,32,64-64.",
      "",
      "The run store: each finished run is written at once to --store DIR (default: .losslab-runs beside"
          + " the report folder), one file per run named by the hash of its configuration, data checksum"
          + " and losslab version. Started again (after Ctrl-C, kill -9, a crash, or with more seeds or grid"
          + " values), compare trains only the runs the store lacks and builds the report from the store."
          + " Clear it with rm -r DIR; --no-store keeps none.",
      "",
      "Engines: in-process (default: a pool of --threads threads) or spark, which runs each run as one"
          + " Spark task with the data broadcast once per executor: --master local[N] starts an embedded"
          + " Spark (the launcher builds losslab-spark the first time --engine spark is asked for),"
          + " spark://HOST:PORT uses a cluster's master. A run gives the same numbers, bit for bit, on"
          + " either engine, and both fill and reuse the same store; a sweep whose runs are all stored"
          + " starts no engine.",
      "",
      "On a cluster with spark-submit, build both jars (mvn -B -ntp -pl losslab-cli,losslab-spark -am"
          + " package -DskipTests), then: spark-submit --master spark://HOST:7077 --class"
          + " dev.losslab.cli.Main --jars losslab-spark/target/losslab-spark.jar"
          + " losslab-cli/target/losslab.jar compare --engine spark --grid lr=0.01,0.1 ... (client deploy"
          + " mode, the default, so that the store and the report are written where spark-submit runs).",
      "",
      "Writes DIR/index.html with PNG figures, DIR/results.csv and DIR/results.json.",
      ""
    })
public final class CompareCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin TrainingOptions training;

  @Option(names = "--loss", paramLabel = "LOSSES",
      description = "Comma-separated losses, name[:option=value...] (default: ${DEFAULT-VALUE}; for"
          + " text, kl-divergence:smoothing=0.1 becomes cross-entropy:labelSmoothing=0.1).")
  String losses = LossChoice.DEFAULTS;

  @Option(names = "--seeds", paramLabel = "N",
      description = "Seeds per loss (default: ${DEFAULT-VALUE}).")
  int seeds = CompareConfig.DEFAULT_SEEDS;

  @Option(names = "--dense", paramLabel = "FILE|FOLDER",
      description = "Dense data: a CSV file (label last) or a folder of idx files (train-*, t10k-*).")
  Path dense;

  @Option(names = {"-input", "--input"}, paramLabel = "FILE",
      description = "Text training file in fastText's format (__label__x words ...); needs -test.")
  Path input;

  @Option(names = {"-test", "--test"}, paramLabel = "FILE", description = "Text test file, with -input.")
  Path test;

  @Option(names = "--skip-unseen-labels",
      description = "Text: drop test labels that never occur in the training file instead of failing.")
  boolean skipUnseen;

  @Option(names = {"-dim", "--dim"}, paramLabel = "N",
      description = "Text: size of word vectors (default: ${DEFAULT-VALUE}).")
  int dim = 10;

  @Option(names = {"-wordNgrams", "--word-ngrams"}, paramLabel = "N",
      description = "Text: max length of word n-grams (default: ${DEFAULT-VALUE}).")
  int wordNgrams = 1;

  @Option(names = {"-textLr", "--text-lr"}, paramLabel = "X",
      description = "Text: initial learning rate (default: ${DEFAULT-VALUE}).")
  double textLr = 0.1;

  @Option(names = "--train-limit", paramLabel = "N",
      description = "Use at most this many training examples; 0 for all (default: ${DEFAULT-VALUE}).")
  int trainLimit = 0;

  @Option(names = "--generated", paramLabel = "KIND",
      description = "Built-in data without --dense/-input: dense (Gaussian clusters, the MLP) or text"
          + " (Zipf documents, the text classifier) (default: ${DEFAULT-VALUE}).")
  String generatedKind = "dense";

  @Option(names = "--generated-size", paramLabel = "SIZES",
      description = "Training and test sizes of the generated data, TRAIN,TEST (default: ${DEFAULT-VALUE}).")
  String generatedSize = CompareData.DEFAULT_TRAIN_ROWS + "," + CompareData.DEFAULT_TEST_ROWS;

  @Option(names = "--sample", paramLabel = "N",
      description = "Training examples the diagnostics use (default: ${DEFAULT-VALUE}).")
  int sample = CompareConfig.DEFAULT_SAMPLE;

  @Option(names = "--stall-threshold", paramLabel = "X",
      description = "Stalled: misclassified with ‖∂L/∂s‖₂ below this (default: ${DEFAULT-VALUE}).")
  double stallThreshold = GradientDiagnostics.DEFAULT_STALL_THRESHOLD;

  @Option(names = {"--output", "-o"}, paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("report");

  @Option(names = "--grid", paramLabel = "NAME=VALUES",
      description = "Sweep an option over comma-separated values (repeatable; dense data): lr, momentum, batch,"
          + " epochs, weight-decay, optimizer, stop, hidden (32, 64-64, 0), activation, noise"
          + " (none, symmetric:R, pair:R), or LOSS:OPTION (gce:q=0.3,0.7).")
  List<String> grid = new ArrayList<>();

  @Option(names = "--store", paramLabel = "DIR",
      description = "Run store: finished runs, reused when compare runs again (default: .losslab-runs"
          + " beside the report folder).")
  Path store;

  @Option(names = "--no-store", description = "Keep no run store: train every run.")
  boolean noStore;

  @Option(names = "--engine", paramLabel = "NAME",
      description = "What trains the runs: in-process or spark (default: ${DEFAULT-VALUE}).")
  String engine = SweepEngines.IN_PROCESS;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for --engine spark: local[N], spark://HOST:PORT (default: the one"
          + " spark-submit sets, else local[*]).")
  String master;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads of the in-process engine (default: one per core).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    boolean text = input != null || (dense == null && "text".equals(generatedKind));
    String lossList = text && losses.equals(LossChoice.DEFAULTS) ? LossChoice.TEXT_DEFAULTS : losses;
    Grid sweep = Grid.parse(grid);
    CompareConfig config = new CompareConfig(LossChoice.parseList(lossList), seeds, training.setup(),
        sample, stallThreshold);
    if (text) {
      Comparison.checkText(config);
      if (!sweep.isEmpty() || store != null || !engine.equals(SweepEngines.IN_PROCESS)
          || threads != null || master != null) {
        throw new IllegalArgumentException("--grid, --store, --engine, --master and --threads are for"
            + " dense data; the text classifier's comparison runs in-process, one run at a time");
      }
    } else {
      sweep.cells(config);
      checkEngine();
    }
    if ((input == null) != (test == null)) {
      throw new IllegalArgumentException("-input and -test go together: give both text files");
    }
    if (input != null && dense != null) {
      throw new IllegalArgumentException("give either --dense or -input/-test, not both");
    }
    ReportWriter.checkWritable(output);
    PrintWriter out = spec.commandLine().getOut();
    CompareResult result;
    if (!generatedKind.equals("dense") && !generatedKind.equals("text")) {
      throw new IllegalArgumentException("--generated (" + generatedKind + ") must be dense or text");
    }
    boolean generatedText = input == null && dense == null && generatedKind.equals("text");
    if (input != null || generatedText) {
      Args args = Args.builder().dim(dim).wordNgrams(wordNgrams).lr(textLr)
          .epoch(training.epochs()).thread(1).build();
      int[] size = sizes();
      TextData data = generatedText ? TextData.generated(size[0], size[1], args)
          : TextData.read(input, test, args, skipUnseen);
      ProgressBar bar = start(out, DataInfo.of(data, args), config);
      result = Lab.compare(config, data, args, r -> bar.step(label(r)));
    } else {
      return sweep(out, config, sweep);
    }
    Path index = Lab.write(result.report(), output);
    out.println();
    out.print(result.summary());
    out.printf("%ncompare: %d runs in %.1f s; wrote %s%n", result.runs().size(), result.seconds(),
        index);
    out.flush();
    return Errors.OK;
  }

  /** Checks the engine options before anything is read or written. */
  private void checkEngine() {
    if (!SweepEngines.NAMES.contains(engine)) {
      throw new IllegalArgumentException("--engine (" + engine + ") must be one of "
          + String.join(", ", SweepEngines.NAMES));
    }
    if (master != null && !engine.equals(SweepEngines.SPARK)) {
      throw new IllegalArgumentException("--master is for --engine spark");
    }
    if (threads != null && !engine.equals(SweepEngines.IN_PROCESS)) {
      throw new IllegalArgumentException("--threads is for the in-process engine; Spark's local[N]"
          + " master sets its threads");
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads (" + threads + ") must be >= 1");
    }
    if (store != null && noStore) {
      throw new IllegalArgumentException("give either --store or --no-store, not both");
    }
    try {
      SweepEngines.check(engine, settings());
    } catch (EngineUnavailableException e) {
      throw new Errors.UserException(e.getMessage(), Errors.FAILURE);
    }
  }

  /** The engine's settings from --master and --threads. */
  private EngineSettings settings() {
    return new EngineSettings(master, threads != null ? threads : Runtime.getRuntime().availableProcessors());
  }

  /** The dense comparison or grid: runs the sweep, writes the report, prints the summary. */
  private int sweep(PrintWriter out, CompareConfig config, Grid sweep) throws Exception {
    RunStore runs = noStore ? null : RunStore.open(storeDir());
    CompareData data = dense != null ? CompareData.dense(dense, trainLimit, 1L) : generated();
    SweepPlan plan = SweepPlan.of(config, sweep, data.checksum());
    out.println("compare: " + data.description());
    if (runs != null) {
      out.println("compare: run store " + runs.dir());
    }
    out.flush();
    SweepResult result;
    EngineSettings settings = settings();
    try {
      result = SweepRunner.runOpening(plan, data, runs, () -> SweepEngines.open(engine, settings),
          SweepProgress.onConsole(out));
    } catch (EngineUnavailableException e) {
      throw new Errors.UserException(e.getMessage(), Errors.FAILURE);
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String w : result.warnings()) {
      err.println("losslab compare: warning: " + w);
    }
    err.flush();
    Path index = Lab.write(result.report(), output);
    out.println();
    out.print(result.summary());
    out.printf("%ncompare: %d %s in %.1f s (%d trained, %d reused from the store, %d failed); wrote %s%n",
        result.distinct(), result.distinct() == 1 ? "run" : "runs", result.seconds(), result.trained(), result.reused(), result.failed(), index);
    out.flush();
    return Errors.OK;
  }

  /** {@code --store}, else {@code .losslab-runs} in the report folder's parent. */
  private Path storeDir() {
    if (store != null) {
      return store;
    }
    Path parent = output.toAbsolutePath().normalize().getParent();
    Path here = Path.of("").toAbsolutePath();
    return parent == null || parent.equals(here) ? Path.of(DEFAULT_STORE) : parent.resolve(DEFAULT_STORE);
  }

  /** The store's folder name, beside the report folder, unless {@code --store} says otherwise. */
  public static final String DEFAULT_STORE = ".losslab-runs";

  /** Prints where the data came from and returns the progress bar of the runs. */
  private static ProgressBar start(PrintWriter out, DataInfo info, CompareConfig config) {
    out.println("compare: " + info.description());
    out.flush();
    return ProgressBar.onConsole(out, config.runs());
  }

  private static String label(RunResult r) {
    return r.loss() + " seed " + r.seed() + (r.diverged() ? " (diverged)" : "");
  }

  private CompareData generated() {
    int[] size = sizes();
    return CompareData.generated(size[0], size[1]);
  }

  private int[] sizes() {
    String[] p = generatedSize.split(",");
    try {
      if (p.length == 2) {
        int train = Integer.parseInt(p[0].trim());
        int test = Integer.parseInt(p[1].trim());
        if (train >= 1 && test >= 1) {
          return new int[] {train, test};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--generated-size (" + generatedSize + ") must be TRAIN,TEST with both >= 1");
  }
}
