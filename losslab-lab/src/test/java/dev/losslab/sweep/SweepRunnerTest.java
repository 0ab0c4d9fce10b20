package dev.losslab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.Lab;
import dev.losslab.experiment.ModelSetup;
import dev.losslab.experiment.RunResult;
import dev.losslab.report.Block;
import dev.losslab.report.HeatMapPlot;
import dev.losslab.report.LinePlot;
import dev.losslab.report.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

  @TempDir Path tmp;

  static final CompareData DATA = CompareData.generated(150, 60);

  static CompareConfig config(String losses, int seeds) {
    return new CompareConfig(dev.losslab.experiment.LossChoice.parseList(losses), seeds,
        ModelSetup.defaults().withEpochs(2), 40, 1e-3);
  }

  static SweepResult sweep(CompareConfig c, List<String> grid, RunStore store, int threads,
      SweepListener listener) {
    SweepPlan plan = SweepPlan.of(c, Grid.parse(grid), DATA.checksum());
    try (SweepEngine e = new InProcessEngine(threads)) {
      return SweepRunner.run(plan, DATA, store, e, listener);
    }
  }

  static void assertSameNumbers(SweepResult a, SweepResult b) {
    assertThat(a.cellRuns()).hasSameSizeAs(b.cellRuns());
    for (int c = 0; c < a.cellRuns().size(); c++) {
      List<RunResult> x = a.runs(c);
      List<RunResult> y = b.runs(c);
      assertThat(x).hasSameSizeAs(y);
      for (int i = 0; i < x.size(); i++) {
        assertThat(x.get(i).loss()).isEqualTo(y.get(i).loss());
        assertThat(RunRecord.sameNumbers(x.get(i), y.get(i)))
            .as("cell %d run %d (%s seed %d)", c, i, x.get(i).loss(), x.get(i).seed()).isTrue();
      }
    }
  }

  @Test
  void theThreadCountDoesNotChangeABit() {
    CompareConfig c = config("cross-entropy,mse,gce,formula:1 - p[label]", 2);
    List<String> grid = List.of("lr=0.02,0.2");
    SweepResult one = sweep(c, grid, null, 1, SweepListener.NONE);
    SweepResult four = sweep(c, grid, null, 4, SweepListener.NONE);
    assertThat(one.distinct()).isEqualTo(16);
    assertSameNumbers(one, four);
    // and the sequential comparison of the lab trains the same numbers
    CompareConfig cell = one.plan().cells().get(1).config();
    List<RunResult> plain = Lab.compare(cell, DATA).runs();
    for (int i = 0; i < plain.size(); i++) {
      assertThat(RunRecord.sameNumbers(plain.get(i), one.runs(1).get(i))).isTrue();
    }
  }

  @Test
  void aSweepStartedAgainTrainsOnlyWhatTheStoreLacks() {
    RunStore store = RunStore.open(tmp.resolve("store"));
    CompareConfig c = config("cross-entropy,mae", 1);
    SweepResult first = sweep(c, List.of("lr=0.05"), store, 2, SweepListener.NONE);
    assertThat(first.reused()).isZero();
    assertThat(first.trained()).isEqualTo(2);
    // more seeds and more grid values: only the new runs are trained
    List<Integer> trained = new ArrayList<>();
    SweepListener count = new SweepListener() {
      @Override
      public void started(int total, int reused, String engine) {
        trained.add(total - reused);
      }

      @Override
      public void finished(RunOutcome outcome, String label) {}
    };
    SweepResult more = sweep(config("cross-entropy,mae", 2), List.of("lr=0.05,0.1"), store, 2, count);
    assertThat(more.distinct()).isEqualTo(8);
    assertThat(more.reused()).isEqualTo(2);
    assertThat(trained).containsExactly(6);
    assertThat(store.keys()).hasSize(8);
    SweepResult again = sweep(config("cross-entropy,mae", 2), List.of("lr=0.05,0.1"),
        RunStore.open(tmp.resolve("store")), 2, SweepListener.NONE);
    assertThat(again.reused()).isEqualTo(8);
    assertThat(again.trained()).isZero();
    assertSameNumbers(again, more);
    assertSameNumbers(sweep(config("cross-entropy,mae", 2), List.of("lr=0.05,0.1"), null, 1,
        SweepListener.NONE), more);
  }

  @Test
  void aSweepWhoseRunsAreAllStoredStartsNoEngine() {
    RunStore store = RunStore.open(tmp.resolve("store"));
    CompareConfig c = config("cross-entropy,mae", 1);
    SweepPlan plan = SweepPlan.of(c, Grid.parse(List.of("lr=0.05,0.1")), DATA.checksum());
    int[] opened = new int[1];
    java.util.function.Supplier<SweepEngine> open = () -> {
      opened[0]++;
      return new InProcessEngine(1);
    };
    SweepResult first = SweepRunner.runOpening(plan, DATA, store, open, SweepListener.NONE);
    assertThat(first.trained()).isEqualTo(4);
    assertThat(first.engine()).isEqualTo("in-process, 1 thread");
    assertThat(opened[0]).isEqualTo(1);
    SweepResult again = SweepRunner.runOpening(plan, DATA, store, () -> {
      throw new EngineUnavailableException("no engine may start");
    }, SweepListener.NONE);
    assertThat(again.reused()).isEqualTo(4);
    assertThat(again.engine()).isEqualTo(SweepRunner.NO_ENGINE);
    assertSameNumbers(again, first);
    // one run missing: the engine starts for it alone
    java.nio.file.Path one = store.file(plan.specs().get(3).key());
    assertThat(one.toFile().delete()).isTrue();
    SweepResult last = SweepRunner.runOpening(plan, DATA, store, open, SweepListener.NONE);
    assertThat(last.trained()).isEqualTo(1);
    assertThat(opened[0]).isEqualTo(2);
    assertSameNumbers(last, first);
  }

  @Test
  void runsNoSweptOptionChangesAreTrainedOnceAndShared() {
    SweepResult r = sweep(config("cross-entropy,gce", 2), List.of("gce:q=0.3,0.7,0.9"), null, 2,
        SweepListener.NONE);
    assertThat(r.plan().runs()).isEqualTo(12);
    assertThat(r.distinct()).isEqualTo(2 + 6);
    assertThat(RunRecord.sameNumbers(r.runs(0).get(0), r.runs(2).get(0))).isTrue();
    assertThat(RunRecord.sameNumbers(r.runs(0).get(2), r.runs(2).get(2))).isFalse();
  }

  @Test
  void aFailedRunIsRecordedWithItsMessageAndTheSweepGoesOn() {
    RunStore store = RunStore.open(tmp.resolve("store"));
    StringWriter out = new StringWriter();
    SweepResult r = sweep(config("cross-entropy,test-fails-in-training", 1), List.of("lr=0.05,0.5"),
        store, 2, new SweepProgress(new PrintWriter(out), false));
    assertThat(r.failed()).isEqualTo(2);
    assertThat(r.runs(0).get(1).failure()).isEqualTo(FailingLossProvider.MESSAGE);
    assertThat(r.runs(0).get(0).failure()).isNull();
    assertThat(store.keys()).hasSize(4);
    assertThat(out.toString()).contains("compare: 4 runs, 0 reused from the store, 4 to train")
        .contains("failed 2").contains("(failed: ").contains("4/4 100%");
    Report report = r.report();
    assertThat(report.sections().get(1).blocks()).anySatisfy(b -> assertThat(b)
        .isInstanceOfSatisfying(Block.Table.class, t -> assertThat(t.caption()).contains("failed")));
  }

  @Test
  void aTwoOptionGridReportsATablePerCellAFigurePerOptionAndAHeatMapPerLoss() throws Exception {
    SweepResult r = sweep(config("cross-entropy,mae", 2), List.of("lr=0.01,0.1", "noise=none,symmetric:0.3"),
        null, 2, SweepListener.NONE);
    Report report = r.report();
    assertThat(report.title()).isEqualTo("losslab compare: 2 losses × 2 seeds × 4 grid cells (lr × noise)");
    assertThat(report.sections()).extracting(s -> s.id())
        .containsExactly("grid", "cell-1", "cell-2", "cell-3", "cell-4");
    assertThat(report.sections().get(4).title()).isEqualTo("Cell 4: lr=0.1 noise=symmetric:0.3");
    List<Block.Figure> grid = report.sections().get(0).blocks().stream()
        .filter(b -> b instanceof Block.Figure).map(b -> (Block.Figure) b).toList();
    assertThat(grid).extracting(Block.Figure::name)
        .containsExactly("grid-lr", "grid-noise", "grid-heat-1", "grid-heat-2");
    LinePlot lr = (LinePlot) grid.get(0).plot();
    assertThat(lr.logX()).isTrue();
    assertThat(lr.curves()).extracting(c -> c.name()).containsExactly("cross-entropy", "mae");
    assertThat(lr.curves().get(0).hasBand()).isTrue();
    assertThat(((LinePlot) grid.get(1).plot()).xLabel()).isEqualTo("label noise rate (symmetric)");
    HeatMapPlot heat = (HeatMapPlot) grid.get(2).plot();
    assertThat(heat.values()).hasDimensions(2, 2);
    assertThat(heat.values()[1][0]).isEqualTo(dev.losslab.report.MeanSd.of(
        GridReport.finals(r.runs(1), "cross-entropy")).mean());
    assertThat(grid.get(2).caption()).contains("Best: lr=");
    assertThat(r.summary()).contains("Final test accuracy per grid cell").contains("symmetric:0.3");
    assertThat(report.measurements()).anySatisfy(m ->
        assertThat(m.experiment()).isEqualTo("compare lr=0.1 noise=symmetric:0.3"));
    Path index = Lab.write(report, tmp.resolve("report"));
    assertThat(index).isRegularFile();
    assertThat(tmp.resolve("report/fig/grid-heat-1.png")).isRegularFile();
    assertThat(Files.readString(index)).contains("Final test accuracy per grid cell");
  }

  @Test
  void aCategoricalOptionIsDrawnOnNamedPositions() {
    SweepResult r = sweep(config("cross-entropy", 1), List.of("optimizer=sgd,adam"), null, 2,
        SweepListener.NONE);
    LinePlot p = (LinePlot) ((Block.Figure) r.report().sections().get(0).blocks().stream()
        .filter(b -> b instanceof Block.Figure).findFirst().orElseThrow()).plot();
    assertThat(p.xCategories()).containsExactly("sgd", "adam");
    assertThat(p.curves().get(0).x()).containsExactly(1, 2);
  }

  @Test
  void withoutAGridTheReportIsTheComparisonsWithTheSweepsCounts() {
    SweepResult r = sweep(config("cross-entropy,mae", 2), List.of(), null, 2, SweepListener.NONE);
    Report report = r.report();
    assertThat(report.title()).isEqualTo("losslab compare: 2 losses × 2 seeds");
    assertThat(report.sections()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("compare"));
    assertThat(report.configuration()).containsEntry("runs.distinct", "4").containsEntry("store", "none")
        .containsEntry("engine", "in-process, 2 threads");
    assertThat(r.summary()).contains("final test accuracy");
  }
}
