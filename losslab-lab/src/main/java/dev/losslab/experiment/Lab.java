package dev.losslab.experiment;

import dev.losslab.report.Report;
import dev.losslab.report.ReportWriter;
import dev.losslab.sweep.EngineSettings;
import dev.losslab.sweep.Grid;
import dev.losslab.sweep.RunStore;
import dev.losslab.sweep.SweepEngines;
import dev.losslab.sweep.SweepListener;
import dev.losslab.sweep.SweepPlan;
import dev.losslab.sweep.SweepResult;
import dev.losslab.sweep.SweepRunner;
import dev.losslab.text.Args;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lab's common paths, one call each: compare losses, run an experiment, draw the loss curves, and
 * write any of their reports to a folder. Everything here is also reachable through the classes it
 * calls ({@link Comparison}, {@link CompareReport}, {@link Experiments}, {@link Explore},
 * {@link ReportWriter}); this class only saves knowing which.
 *
 * <pre>{@code
 * CompareData data = CompareData.generated(600, 300);
 * CompareConfig config = CompareConfig.of("cross-entropy,gce,formula:1 - p[label]", 2,
 *     ModelSetup.defaults().withEpochs(5));
 * CompareResult result = Lab.compare(config, data);
 * System.out.print(result.summary());
 * Lab.write(result.report(), Path.of("report"));
 *
 * Lab.write(Lab.experiment("label-noise", ExperimentContext.quick()), Path.of("label-noise"));
 * }</pre>
 *
 * <p>Every method but {@link #sweep} runs on the calling thread; all are deterministic by seed, apart
 * from the times they record. Bad arguments throw {@link IllegalArgumentException} with a one-line message naming the
 * value at fault; a report folder that cannot be written throws {@link IOException} naming it.
 */
public final class Lab {
  private Lab() {}

  /** {@link #compare(CompareConfig, CompareData, Consumer)} without progress. */
  public static CompareResult compare(CompareConfig config, CompareData data) {
    return compare(config, data, r -> {});
  }

  /**
   * Trains {@code config}'s network with every loss and seed on {@code data} and builds the report of
   * {@code losslab compare}.
   *
   * @param onRun called after each run, e.g. to print progress
   * @return the runs (loss by loss, seeds 1 … n) and their report
   */
  public static CompareResult compare(CompareConfig config, CompareData data,
      Consumer<RunResult> onRun) {
    DataInfo info = DataInfo.of(data, config.setup());
    long start = System.nanoTime();
    List<RunResult> runs = Comparison.run(config, data, onRun);
    return result(config, info, runs, start);
  }

  /**
   * Sweeps {@code grid} over {@code config} on {@code data} with the in-process engine (a thread per
   * core), keeping finished runs in the store at {@code store} ({@code null} for none): runs the store
   * holds are not trained again. The result's {@code report()} is that of {@code losslab compare
   * --grid}.
   *
   * @throws IllegalArgumentException naming the grid option and value, or the store, at fault
   */
  public static SweepResult sweep(CompareConfig config, Grid grid,
      CompareData data, Path store) {
    RunStore s = store == null ? null : RunStore.open(store);
    SweepPlan plan = SweepPlan.of(config, grid, data.checksum());
    return SweepRunner.runOpening(plan, data, s,
        () -> SweepEngines.open(SweepEngines.IN_PROCESS, EngineSettings.defaults()), SweepListener.NONE);
  }

  /**
   * Trains the fastText-compatible text classifier, configured by {@code args}, with every loss and
   * seed of {@code config} on {@code data}; {@code config.setup()} is not used.
   *
   * @throws IllegalArgumentException when a loss asks for target smoothing ({@link Comparison#checkText})
   */
  public static CompareResult compare(CompareConfig config, TextData data, Args args,
      Consumer<RunResult> onRun) {
    DataInfo info = DataInfo.of(data, args);
    long start = System.nanoTime();
    List<RunResult> runs = Comparison.runText(config, data, args, onRun);
    return result(config, info, runs, start);
  }

  private static CompareResult result(CompareConfig config, DataInfo info, List<RunResult> runs,
      long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return new CompareResult(config, info, runs, CompareReport.report(config, info, runs, "compare"),
        seconds);
  }

  /**
   * Runs the experiment called {@code name} ({@link Experiments#names()}: {@code wrong-direction},
   * {@code saturation}, {@code mean-vs-median}, {@code kl-vs-l2}, {@code ce-vs-kl},
   * {@code label-noise}), or every one for {@code all}, and returns the report: one section per
   * experiment with its claim, its measurements and a verdict computed from them.
   *
   * @throws IllegalArgumentException naming the known experiments when {@code name} is none of them
   */
  public static Report experiment(String name, ExperimentContext ctx) {
    return Experiments.report(Experiments.select(name), ctx, "experiment " + name);
  }

  /** The loss curves of {@code losslab explore}, drawn without training. */
  public static Report explore(ExploreConfig config) {
    return Explore.report(config);
  }

  /**
   * Writes {@code report} to {@code dir} ({@code index.html}, {@code fig/*.png}, {@code results.csv},
   * {@code results.json}), replacing the folder only once the new report is complete.
   *
   * @return the report's {@code index.html}
   * @throws IOException with a one-line message naming the folder; its previous content is kept
   */
  public static Path write(Report report, Path dir) throws IOException {
    ReportWriter.write(report, dir);
    return dir.resolve("index.html");
  }
}
