package dev.losslab.sweep;

import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every run of a sweep: each grid cell × each loss × each seed, with its {@link RunSpec}. Runs that
 * the grid makes equal (a cross-entropy run in two cells that differ only in {@code gce:q}) share one
 * spec, so the sweep trains them once: {@link #specs()} holds each key once.
 *
 * @param base the comparison the grid varies
 * @param grid the swept options
 * @param cells the grid's cells, first axis slowest
 * @param dataChecksum the clean data's checksum, part of every run's key
 * @param version losslab's version; a run's key has it followed by the id of the code that trains
 *     the run ({@link Provenance#trainingCode})
 */
public record SweepPlan(CompareConfig base, Grid grid, List<GridCell> cells, String dataChecksum,
    String version) {

  /** Copies the cells. */
  public SweepPlan {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(grid, "grid");
    cells = List.copyOf(cells);
    Objects.requireNonNull(dataChecksum, "dataChecksum");
    Objects.requireNonNull(version, "version");
  }

  /**
   * The plan of {@code grid} over {@code base} on the data of {@code dataChecksum}, with this losslab's
   * version.
   *
   * @throws IllegalArgumentException naming the grid option and value at fault ({@link Grid#cells})
   */
  public static SweepPlan of(CompareConfig base, Grid grid, String dataChecksum) {
    return new SweepPlan(base, grid, grid.cells(base), dataChecksum, Provenance.version());
  }

  /** The spec of {@code loss} (one of {@code cell}'s) with {@code seed} in {@code cell}. */
  public RunSpec spec(GridCell cell, LossChoice loss, long seed) {
    CompareConfig c = cell.config();
    return new RunSpec(loss, seed, c.setup(), cell.noise(), c.sample(), c.stallThreshold(),
        dataChecksum, version + "+" + Provenance.trainingCode(loss.create().getClass()));
  }

  /** The planned runs: cells × losses × seeds, before equal runs are merged. */
  public int runs() {
    return cells.size() * base.runs();
  }

  /** Each distinct run once, in plan order (cell by cell, loss by loss, seed 1 … n). */
  public List<RunSpec> specs() {
    return new ArrayList<>(byKey().values());
  }

  /** The distinct runs by key, in plan order. */
  public Map<String, RunSpec> byKey() {
    Map<String, RunSpec> out = new LinkedHashMap<>();
    for (GridCell cell : cells) {
      for (LossChoice loss : cell.config().losses()) {
        for (long seed = 1; seed <= base.seeds(); seed++) {
          RunSpec s = spec(cell, loss, seed);
          out.putIfAbsent(s.key(), s);
        }
      }
    }
    return out;
  }

  /** What the console shows for a run: {@code "gce seed 2"}, with the first cell that has it. */
  public Map<String, String> labels() {
    Map<String, String> out = new LinkedHashMap<>();
    for (GridCell cell : cells) {
      for (LossChoice loss : cell.config().losses()) {
        for (long seed = 1; seed <= base.seeds(); seed++) {
          String where = cell.label().isEmpty() ? "" : " (" + cell.label() + ")";
          out.putIfAbsent(spec(cell, loss, seed).key(), loss.label() + " seed " + seed + where);
        }
      }
    }
    return out;
  }
}
