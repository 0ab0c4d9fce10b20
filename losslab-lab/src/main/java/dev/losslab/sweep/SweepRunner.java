package dev.losslab.sweep;

import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a {@link SweepPlan}: looks every distinct run up in the store, hands the missing ones to the
 * engine, writes each record to the store the moment it comes back, and builds the sweep's results
 * from the store (or, without a store, from what came back). A sweep started again runs only what the
 * store lacks: after Ctrl-C, {@code kill -9} or a crash it loses at most the runs that were in flight,
 * and a sweep with more seeds or grid values trains only the new runs.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /**
   * Runs {@code plan} on {@code engine}, which the caller opened and closes.
   *
   * @param store where finished runs are kept, or {@code null} to keep none
   * @param listener told the totals, then each finished run
   * @throws EngineUnavailableException when the engine stops working (the runs stored so far stay)
   * @throws java.io.UncheckedIOException when the store cannot be written
   */
  public static SweepResult run(SweepPlan plan, CompareData data, RunStore store, SweepEngine engine,
      SweepListener listener) {
    return run(plan, data, store, engine::description, () -> engine, listener);
  }

  /**
   * Runs {@code plan}, opening an engine with {@code open} only when the store lacks a run, and
   * closing it at the end: a sweep whose runs are all stored starts no engine (no Spark context, no
   * threads) and never asks its master.
   *
   * @param store where finished runs are kept, or {@code null} to keep none
   * @param open starts the engine, e.g. {@code () -> SweepEngines.open("spark", settings)}
   * @param listener told the totals, then each finished run
   * @throws EngineUnavailableException when the engine cannot start or stops working (the runs stored
   *     so far stay)
   * @throws java.io.UncheckedIOException when the store cannot be written
   */
  public static SweepResult runOpening(SweepPlan plan, CompareData data, RunStore store,
      Supplier<SweepEngine> open, SweepListener listener) {
    SweepEngine[] opened = new SweepEngine[1];
    try {
      return run(plan, data, store, () -> opened[0] == null ? NO_ENGINE : opened[0].description(),
          () -> opened[0] = open.get(), listener);
    } finally {
      if (opened[0] != null) {
        opened[0].close();
      }
    }
  }

  /** How the report names the engine of a sweep that trained nothing. */
  public static final String NO_ENGINE = "none (every run was in the store)";

  private static SweepResult run(SweepPlan plan, CompareData data, RunStore store,
      Supplier<String> description, Supplier<SweepEngine> engineWhenNeeded, SweepListener listener) {
    long start = System.nanoTime();
    Map<String, RunSpec> specs = plan.byKey();
    Map<String, String> labels = plan.labels();
    Map<String, RunRecord> records = new HashMap<>();
    List<RunSpec> missing = new ArrayList<>();
    for (RunSpec s : specs.values()) {
      Optional<RunRecord> r = store == null ? Optional.empty() : store.find(s);
      if (r.isPresent()) {
        records.put(s.key(), r.get());
      } else {
        missing.add(s);
      }
    }
    int reused = records.size();
    SweepEngine engine = missing.isEmpty() ? null : engineWhenNeeded.get();
    listener.started(specs.size(), reused, description.get());
    Map<String, String> errors = new HashMap<>();
    if (engine != null) {
      engine.run(data, missing, o -> {
        String key = o.spec().key();
        if (o.record() != null) {
          if (!o.record().key().equals(key)) {
            errors.put(key, "the engine returned run " + o.record().key() + " for run " + key);
          } else {
            if (store != null) {
              store.put(o.record());
            }
            records.put(key, o.record());
          }
        } else {
          errors.put(key, o.error());
        }
        listener.finished(o, labels.get(key));
      });
    }
    if (store != null) {
      // the report is built from what the store holds, read back
      for (RunSpec s : specs.values()) {
        if (records.containsKey(s.key())) {
          store.find(s).ifPresent(r -> records.put(s.key(), r));
        }
      }
    }
    List<List<RunResult>> cellRuns = new ArrayList<>();
    int failed = 0;
    for (GridCell cell : plan.cells()) {
      List<RunResult> runs = new ArrayList<>();
      for (LossChoice loss : cell.config().losses()) {
        for (long seed = 1; seed <= plan.base().seeds(); seed++) {
          String key = plan.spec(cell, loss, seed).key();
          RunRecord r = records.get(key);
          if (r == null) {
            String why = errors.getOrDefault(key, "the engine handed back no result");
            runs.add(new RunResult(loss.label(), seed, List.of(), RunRecord.FAILED_STOP,
                why + " (not stored: the next sweep trains it again)"));
          } else {
            RunResult x = r.result();
            runs.add(new RunResult(loss.label(), seed, x.epochs(), x.stopReason(), x.failure()));
          }
        }
      }
      cellRuns.add(runs);
    }
    for (String key : specs.keySet()) {
      RunRecord r = records.get(key);
      if (r == null || !r.status().equals("ok")) {
        failed++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new SweepResult(plan, data, cellRuns, specs.size(), reused, specs.size() - reused, failed,
        seconds, description.get(), store == null ? null : store.dir(),
        store == null ? List.of() : store.warnings());
  }
}
