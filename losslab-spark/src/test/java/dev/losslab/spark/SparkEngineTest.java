package dev.losslab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.ModelSetup;
import dev.losslab.sweep.EngineSettings;
import dev.losslab.sweep.EngineUnavailableException;
import dev.losslab.sweep.Grid;
import dev.losslab.sweep.InProcessEngine;
import dev.losslab.sweep.RunOutcome;
import dev.losslab.sweep.RunRecord;
import dev.losslab.sweep.RunStore;
import dev.losslab.sweep.SweepEngine;
import dev.losslab.sweep.SweepEngines;
import dev.losslab.sweep.SweepListener;
import dev.losslab.sweep.SweepPlan;
import dev.losslab.sweep.SweepResult;
import dev.losslab.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine in local mode against the in-process engine: the same runs give the same bits,
 * share one store, and an unreachable or malformed master is one clear error.
 */
class SparkEngineTest {

  static final CompareData DATA = CompareData.generated(150, 60);

  /** 2 lr × 2 noise cells × 3 losses × 2 seeds; lr=40 makes some runs diverge. */
  static final List<String> GRID = List.of("lr=0.05,40", "noise=none,symmetric:0.3");

  static SweepEngine spark;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = SweepEngines.open(SweepEngines.SPARK, new EngineSettings("local[2]", 1));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.close();
    }
  }

  static SweepPlan plan() {
    CompareConfig c = new CompareConfig(LossChoice.parseList("cross-entropy,gce:q=0.7,mse"), 2,
        ModelSetup.defaults().withEpochs(3), 40, 1e-3);
    return SweepPlan.of(c, Grid.parse(GRID), DATA.checksum());
  }

  static Map<String, RunRecord> records(SweepEngine engine, SweepPlan plan) {
    Map<String, RunRecord> out = new LinkedHashMap<>();
    engine.run(DATA, plan.specs(), o -> {
      assertThat(o.record()).as(o.error()).isNotNull();
      out.put(o.spec().key(), o.record());
    });
    return out;
  }

  @Test
  void aRunGivesTheSameBitsOnSparkAsInProcess() {
    SweepPlan plan = plan();
    Map<String, RunRecord> local;
    try (SweepEngine e = new InProcessEngine(2)) {
      local = records(e, plan);
    }
    Map<String, RunRecord> onSpark = records(spark, plan);
    assertThat(spark.description()).isEqualTo("spark, master local[2], 2 task slots");
    assertThat(onSpark.keySet()).containsExactlyInAnyOrderElementsOf(local.keySet()).hasSize(24);
    int diverged = 0;
    for (Map.Entry<String, RunRecord> e : local.entrySet()) {
      RunRecord a = e.getValue();
      RunRecord b = onSpark.get(e.getKey());
      assertThat(b.config()).isEqualTo(a.config());
      assertThat(b.result().loss()).isEqualTo(a.result().loss());
      assertThat(b.status()).isEqualTo(a.status());
      assertThat(a.sameNumbers(b)).as("run %s (%s seed %d)", e.getKey(),
          a.result().loss(), a.result().seed()).isTrue();
      if (a.status().equals("diverged")) {
        diverged++;
      } else {
        assertThat(b.result().epochs()).hasSize(3);
      }
    }
    assertThat(diverged).as("runs at lr=40 that diverged").isPositive();
  }

  @Test
  void aSweepOnSparkFillsTheStoreThatTheInProcessEngineThenReuses() {
    RunStore store = RunStore.open(tmp.resolve("store"));
    SweepPlan plan = plan();
    List<String> seen = new ArrayList<>();
    SweepResult first = SweepRunner.run(plan, DATA, store, spark, new SweepListener() {
      @Override
      public void started(int total, int reused, String engine) {
        seen.add(total + " " + reused + " " + engine);
      }

      @Override
      public void finished(RunOutcome outcome, String label) {
        assertThat(Files.exists(store.file(outcome.spec().key()))).as("stored as it came back").isTrue();
        seen.add(label);
      }
    });
    assertThat(first.trained()).isEqualTo(24);
    assertThat(seen).hasSize(25).first().isEqualTo("24 0 spark, master local[2], 2 task slots");
    assertThat(store.keys()).hasSize(24);
    try (SweepEngine e = new InProcessEngine(1)) {
      SweepResult again = SweepRunner.run(plan, DATA, store, e, SweepListener.NONE);
      assertThat(again.reused()).isEqualTo(24);
      assertThat(again.trained()).isZero();
      assertThat(again.failed()).isEqualTo(first.failed()).isPositive();
    }
  }

  @Test
  void anUnreachableMasterIsOneLine() {
    assertThatThrownBy(() -> SweepEngines.open(SweepEngines.SPARK,
        new EngineSettings("spark://127.0.0.1:1", 1)))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageStartingWith("Spark master spark://127.0.0.1:1 cannot be reached (127.0.0.1:1: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMasterThatIsNoSparkMasterIsAUsageError() {
    for (String m : List.of("local[0]", "local[x]", "mesos://h:5050", "spark://nohost", "")) {
      assertThatThrownBy(() -> SweepEngines.open(SweepEngines.SPARK, new EngineSettings(m, 1)))
          .as(m).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("--master (" + m + ") is not a Spark master: give local[N], local[*],"
              + " spark://HOST:PORT, yarn or k8s://URL");
    }
  }
}
