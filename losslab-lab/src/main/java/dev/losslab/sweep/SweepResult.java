package dev.losslab.sweep;

import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.RunResult;
import dev.losslab.report.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep ran and found: the plan, every cell's runs (loss by loss, seed 1 … n, the loss named
 * as the user wrote it), and the counts and time of the sweep.
 *
 * @param plan the sweep
 * @param data the clean data it trained on
 * @param cellRuns each cell's runs, in the plan's cell order
 * @param distinct distinct runs of the sweep (equal runs of different cells counted once)
 * @param reused runs the store already held
 * @param trained runs handed to the engine
 * @param failed distinct runs that diverged, failed, or came back with no record
 * @param seconds wall-clock seconds of the sweep (store look-ups and training)
 * @param engine the engine's description
 * @param store the store's folder, or {@code null} without a store
 * @param warnings store files that could not be read (their runs were trained again)
 */
public record SweepResult(SweepPlan plan, CompareData data, List<List<RunResult>> cellRuns,
    int distinct, int reused, int trained, int failed, double seconds, String engine, Path store,
    List<String> warnings) {

  /** Copies the lists. */
  public SweepResult {
    cellRuns = cellRuns.stream().map(List::copyOf).toList();
    warnings = List.copyOf(warnings);
  }

  /** The runs of cell {@code i}. */
  public List<RunResult> runs(int cell) {
    return cellRuns.get(cell);
  }

  /** The report of {@code losslab compare}: one comparison, or a grid with a section per cell. */
  public Report report() {
    return GridReport.report(this, "compare");
  }

  /** The console's summary: the comparison's table, or the grid's table of cells × losses. */
  public String summary() {
    return GridReport.summary(this);
  }
}
