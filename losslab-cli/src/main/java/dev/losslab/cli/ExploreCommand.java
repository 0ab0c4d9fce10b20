package dev.losslab.cli;

import dev.losslab.experiment.ExploreConfig;
import dev.losslab.experiment.Lab;
import dev.losslab.experiment.LossChoice;
import dev.losslab.report.Numbers;
import dev.losslab.report.ReportWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code losslab explore}: loss curves without training, written as a report. */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    header = "Plot losses and their gradients without training (KL vs L2, saturation, gradient signs, example weights).",
    description = {
      "Draws losses without training: seed 002's KL-vs-L2 figure, seed 001's saturation of squared"
          + " error behind sigmoid and softmax, the per-class gradient signs of a confidently wrong"
          + " example, and the weight each loss gives an example, |dL/ds_y| against p_y (the figure of"
          + " the GCE and Taylor cross-entropy papers). Any loss name works in --loss, formulas"
          + " (formula:EXPR) and provided losses included.",
      "",
      "Writes DIR/index.html with PNG figures, DIR/results.csv and DIR/results.json.",
      ""
    })
public final class ExploreCommand implements Callable<Integer> {

  private static final ExploreConfig DEFAULTS = ExploreConfig.defaults();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--loss", paramLabel = "LOSSES",
      description = "Comma-separated losses of the multi-class figures, name[:option=value...] "
          + "(default: ${DEFAULT-VALUE}).")
  String losses = ExploreConfig.DEFAULT_LOSSES;

  @Option(names = "--range", paramLabel = "RANGE",
      description = "Score range of the sweeps, LO:HI (default: ${DEFAULT-VALUE}).")
  String range = Numbers.exact(DEFAULTS.lo()) + ":" + Numbers.exact(DEFAULTS.hi());

  @Option(names = "--target", paramLabel = "TARGETS",
      description = "Targets d in [0, 1] of the KL-vs-L2 figures, comma-separated (default:"
          + " ${DEFAULT-VALUE}).")
  String targets = String.join(",",
      Arrays.stream(DEFAULTS.targets()).mapToObj(Numbers::exact).toList());

  @Option(names = "--points", paramLabel = "N", description = "Points per curve (default: ${DEFAULT-VALUE}).")
  int points = DEFAULTS.points();

  @Option(names = {"--output", "-o"}, paramLabel = "DIR",
      description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("report");

  @Override
  public Integer call() throws Exception {
    double[] r = parseRange(range);
    ExploreConfig config = new ExploreConfig(LossChoice.parseList(losses), r[0], r[1],
        parseTargets(targets), points);
    ReportWriter.checkWritable(output);
    Path index = Lab.write(Lab.explore(config), output);
    var out = spec.commandLine().getOut();
    out.println("explore: wrote " + index);
    out.flush();
    return Errors.OK;
  }

  /** Parses {@code lo:hi}, two finite numbers with {@code lo < hi}. */
  static double[] parseRange(String text) {
    String[] p = text.split(":");
    if (p.length != 2) {
      throw new IllegalArgumentException("--range (" + text + ") must be lo:hi, e.g. -10:10");
    }
    double lo;
    double hi;
    try {
      lo = Double.parseDouble(p[0].trim());
      hi = Double.parseDouble(p[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--range (" + text + ") must be two numbers lo:hi");
    }
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException(
          "--range (" + text + ") must be two finite numbers lo:hi with lo < hi");
    }
    return new double[] {lo, hi};
  }

  /** Parses a comma-separated list of targets. */
  static double[] parseTargets(String text) {
    String[] p = text.split(",");
    double[] d = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      try {
        d[i] = Double.parseDouble(p[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--target (" + p[i].trim() + ") must be a number in [0, 1]");
      }
    }
    return d;
  }
}
