package dev.losslab.sweep;

import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.CompareReport;
import dev.losslab.experiment.DataInfo;
import dev.losslab.experiment.EpochRecord;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.RunResult;
import dev.losslab.experiment.SeedCurves;
import dev.losslab.report.Measurement;
import dev.losslab.report.Report;
import dev.losslab.report.Section;
import dev.losslab.report.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a sweep. Without a grid it is the comparison's report ({@link CompareReport}). With
 * one: a first section with the grid's table (each cell's final test accuracy per loss, mean ± sd over
 * seeds), the best cell of each loss and the grid's figures ({@link GridFigures}: accuracy against each
 * swept option with seed bands, and for two swept options a heat map per loss); then one section per
 * cell, the comparison's section for that cell's runs. Every per-epoch number is a measurement whose
 * experiment names its cell ({@code compare lr=0.05 noise=none}).
 */
public final class GridReport {
  private GridReport() {}

  /** The whole report; {@code command} is recorded in the configuration. */
  public static Report report(SweepResult r, String command) {
    SweepPlan p = r.plan();
    CompareConfig base = p.base();
    DataInfo clean = DataInfo.of(r.data(), base.setup());
    List<Measurement> ms = new ArrayList<>();
    if (p.grid().isEmpty()) {
      GridCell cell = p.cells().get(0);
      DataInfo info = info(r, cell);
      Report.Builder b = Report.builder("losslab compare: " + base.losses().size() + " losses × "
          + base.seeds() + " seeds");
      CompareReport.configure(b, cell.config(), info, command);
      sweep(b, r);
      b.section(CompareReport.section("compare", "Comparison", "compare", cell.config(), info,
          r.runs(0), ms));
      return b.measureAll(ms).build();
    }
    Report.Builder b = Report.builder("losslab compare: " + base.losses().size() + " losses × "
        + base.seeds() + " seeds × " + p.cells().size() + " grid cells (" + p.grid().describe() + ")");
    CompareReport.configure(b, base, clean, command);
    b.configure("grid", p.grid().toString()).configure("grid.cells", p.cells().size());
    sweep(b, r);
    b.section(gridSection(r, clean));
    for (int i = 0; i < p.cells().size(); i++) {
      GridCell cell = p.cells().get(i);
      b.section(CompareReport.section("cell-" + (i + 1), "Cell " + (i + 1) + ": " + cell.label(),
          "compare " + cell.label(), cell.config(), info(r, cell), r.runs(i), ms));
    }
    return b.measureAll(ms).build();
  }

  private static void sweep(Report.Builder b, SweepResult r) {
    b.configure("engine", r.engine())
        .configure("store", r.store() == null ? "none" : r.store().toString())
        .configure("runs.distinct", r.distinct())
        .configure("runs.reused", r.reused())
        .configure("runs.failed", r.failed());
  }

  private static Section gridSection(SweepResult r, DataInfo clean) {
    SweepPlan p = r.plan();
    Section.Builder s = Section.builder("grid", "Grid: " + p.grid().describe());
    s.paragraph("Data: " + clean.description() + " (checksum " + clean.checksum() + "). Base model: "
        + clean.model() + "; " + clean.training() + ". The grid sweeps " + p.grid() + ": "
        + p.cells().size() + " cells, each training every loss with each of " + p.base().seeds()
        + " seeds (" + p.runs() + " runs, " + r.distinct() + " distinct: a run that no swept option"
        + " changes is trained once and shared by its cells). Label noise, where swept, is on the"
        + " training labels only; test accuracy is on the clean test labels.");
    s.table("Final test accuracy per grid cell (mean ± sd over seeds)", header(p), rows(r));
    s.table("The best cell of each loss (highest mean final test accuracy)",
        List.of("loss", "best cell", "final test accuracy"), bestCells(r));
    for (int a = 0; a < p.grid().axes().size(); a++) {
      if (p.grid().axes().get(a).values().size() > 1) {
        GridFigures.Figure f = GridFigures.accuracyAgainst(r, a);
        s.figure("grid-" + GridFigures.slug(p.grid().axes().get(a).name()), f.plot(), f.caption());
      }
    }
    if (p.grid().axes().size() == 2) {
      List<LossChoice> losses = p.base().losses();
      for (int l = 0; l < losses.size(); l++) {
        GridFigures.Figure f = GridFigures.heatMap(r, l);
        s.figure("grid-heat-" + (l + 1), f.plot(), f.caption());
      }
    }
    return s.build();
  }

  /** The swept options' names, then each loss. */
  static List<String> header(SweepPlan p) {
    List<String> h = new ArrayList<>();
    p.grid().axes().forEach(a -> h.add(a.name()));
    p.base().losses().forEach(l -> h.add(l.label()));
    return h;
  }

  /** One row per cell: its values, then each loss's final test accuracy, mean ± sd over seeds. */
  static List<List<String>> rows(SweepResult r) {
    SweepPlan p = r.plan();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < p.cells().size(); i++) {
      List<String> row = new ArrayList<>(p.cells().get(i).values().values());
      for (LossChoice l : p.base().losses()) {
        row.add(SeedCurves.last(SeedCurves.of(r.runs(i), l.label()), EpochRecord::testAccuracy)
            .format(4));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> bestCells(SweepResult r) {
    SweepPlan p = r.plan();
    List<List<String>> rows = new ArrayList<>();
    for (LossChoice l : p.base().losses()) {
      int best = -1;
      double value = Double.NEGATIVE_INFINITY;
      String text = "—";
      for (int i = 0; i < p.cells().size(); i++) {
        var m = SeedCurves.last(SeedCurves.of(r.runs(i), l.label()), EpochRecord::testAccuracy);
        if (Double.isFinite(m.mean()) && m.mean() > value) {
          best = i;
          value = m.mean();
          text = m.format(4);
        }
      }
      rows.add(List.of(l.label(), best < 0 ? "—" : p.cells().get(best).label(), text));
    }
    return rows;
  }

  /** The data as the report describes it in {@code cell}: the clean data, its training labels' noise. */
  static DataInfo info(SweepResult r, GridCell cell) {
    DataInfo d = DataInfo.of(r.data(), cell.config().setup());
    if (cell.noise().none()) {
      return d;
    }
    return new DataInfo(d.description() + "; training labels with " + cell.noise().kind().label()
        + " label noise " + cell.noise().rate() + " (seed " + cell.noise().seed()
        + "), test labels clean", d.checksum(), d.model(), d.training(), false);
  }

  /** The console's summary. */
  static String summary(SweepResult r) {
    SweepPlan p = r.plan();
    String nl = System.lineSeparator();
    if (p.grid().isEmpty()) {
      GridCell cell = p.cells().get(0);
      DataInfo info = info(r, cell);
      return CompareReport.caption(info) + ":" + nl
          + TextTable.render(CompareReport.header(info), CompareReport.summary(cell.config(), info,
              r.runs(0)));
    }
    return "Final test accuracy per grid cell (mean ± sd over seeds):" + nl
        + TextTable.render(header(p), rows(r));
  }

  /** The final test accuracies of {@code runs} of loss {@code label} (runs with no epoch left out). */
  static double[] finals(List<RunResult> runs, String label) {
    return SeedCurves.of(runs, label).stream().filter(x -> x.last() != null)
        .mapToDouble(x -> x.last().testAccuracy()).toArray();
  }
}
