package dev.losslab.experiment;

import dev.losslab.report.Report;
import dev.losslab.report.TextTable;
import java.util.List;

/**
 * What {@link Lab#compare} returns: the configuration and data it ran, every run with its per-epoch
 * records, the report built from them, and the training time.
 *
 * @param config the comparison that ran
 * @param info the data and model as the report describes them
 * @param runs every run, loss by loss and seed 1 … n within each loss
 * @param report the report: summary table, learning curves with seed bands, every measured number
 * @param seconds wall-clock seconds of the training runs (not of building the report)
 */
public record CompareResult(CompareConfig config, DataInfo info, List<RunResult> runs, Report report,
    double seconds) {

  /** Copies {@code runs}. */
  public CompareResult {
    runs = List.copyOf(runs);
  }

  /** The runs of the loss labelled {@code label} (as given, e.g. {@code "gce:q=0.5"}), seed by seed. */
  public List<RunResult> runs(String label) {
    return SeedCurves.of(runs, label);
  }

  /**
   * The summary as plain text: its caption line, then a table with one row per loss: final and best
   * test accuracy (P@1 and R@1 for text) with the best epochs, training loss, gradient norm, stalled
   * and wrong-direction fractions as mean ± sd over seeds, milliseconds per epoch, diverged runs.
   */
  public String summary() {
    return CompareReport.caption(info) + ":" + System.lineSeparator()
        + TextTable.render(CompareReport.header(info), CompareReport.summary(config, info, runs));
  }
}
