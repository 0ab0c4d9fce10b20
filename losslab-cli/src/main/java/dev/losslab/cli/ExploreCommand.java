package dev.losslab.cli;

import dev.losslab.experiment.Explore;
import dev.losslab.experiment.ExploreConfig;
import dev.losslab.experiment.LossChoice;
import dev.losslab.report.ReportWriter;
import java.nio.file.Path;
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

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--loss", paramLabel = "LOSSES",
      description = "Comma-separated losses of the multi-class figures, name[:option=value...] "
          + "(default: ${DEFAULT-VALUE}).")
  String losses = ExploreConfig.DEFAULT_LOSSES;

  @Option(names = "--range", paramLabel = "RANGE",
      description = "Score range of the sweeps, LO:HI (default: ${DEFAULT-VALUE}).")
  String range = "-10:10";

  @Option(names = "--target", paramLabel = "TARGETS",
      description = "Targets d in [0, 1] of the KL-vs-L2 figures, comma-separated (default:"
          + " ${DEFAULT-VALUE}).")
  String targets = "0,1";

  @Option(names = "--points", paramLabel = "N", description = "Points per curve (default: ${DEFAULT-VALUE}).")
  int points = 401;

  @Option(names = {"--output", "-o"}, paramLabel = "DIR",
      description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("report");

  @Override
  public Integer call() throws Exception {
    double[] r = ExploreConfig.parseRange(range);
    ExploreConfig config = new ExploreConfig(LossChoice.parseList(losses), r[0], r[1],
        ExploreConfig.parseTargets(targets), points);
    ReportWriter.checkWritable(output);
    ReportWriter.write(Explore.report(config), output);
    var out = spec.commandLine().getOut();
    out.println("explore: wrote " + output.resolve("index.html"));
    out.flush();
    return Errors.OK;
  }
}
