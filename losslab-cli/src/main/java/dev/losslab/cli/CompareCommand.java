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
import dev.losslab.text.Args;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  @Override
  public Integer call() throws Exception {
    boolean text = input != null || (dense == null && "text".equals(generatedKind));
    String lossList = text && losses.equals(LossChoice.DEFAULTS) ? LossChoice.TEXT_DEFAULTS : losses;
    CompareConfig config = new CompareConfig(LossChoice.parseList(lossList), seeds, training.setup(),
        sample, stallThreshold);
    if (text) {
      Comparison.checkText(config);
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
      CompareData data = dense != null ? CompareData.dense(dense, trainLimit, 1L) : generated();
      ProgressBar bar = start(out, DataInfo.of(data, config.setup()), config);
      result = Lab.compare(config, data, r -> bar.step(label(r)));
    }
    Path index = Lab.write(result.report(), output);
    out.println();
    out.print(result.summary());
    out.printf("%ncompare: %d runs in %.1f s; wrote %s%n", result.runs().size(), result.seconds(),
        index);
    out.flush();
    return Errors.OK;
  }

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
