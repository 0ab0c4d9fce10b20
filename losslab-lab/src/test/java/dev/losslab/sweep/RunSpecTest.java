package dev.losslab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.data.LabelNoise;
import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.ModelSetup;
import dev.losslab.experiment.Provenance;
import dev.losslab.experiment.RunResult;
import dev.losslab.train.StoppingRule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunSpecTest {

  static RunSpec spec(String loss, long seed) {
    return new RunSpec(LossChoice.parse(loss), seed, ModelSetup.defaults().withEpochs(2), Noise.NONE,
        50, 1e-3, "abc/def", "dev");
  }

  @Test
  void theConfigurationReadsBackIntoTheSameRun() {
    RunSpec s = new RunSpec(LossChoice.parse("kl-divergence:smoothing=0.10"), 3,
        ModelSetup.defaults().withHidden(16, 8).withTrainer(ModelSetup.defaults().trainer()
            .withLearningRate(0.2).withStopping(StoppingRule.lossChange(1e-3))),
        new Noise(LabelNoise.Kind.PAIR, 0.4, 7), 200, 1e-4, "0123/4567", "0.1.0");
    Map<String, String> c = s.config();
    assertThat(c).containsEntry("loss", "kl-divergence").containsEntry("loss.smoothing", "0.1")
        .containsEntry("hidden", "16-8").containsEntry("lr", "0.2").containsEntry("noise", "pair-flip:0.4")
        .containsEntry("noise.seed", "7").containsEntry("stop", "loss-change:0.001")
        .containsEntry("data.checksum", "0123/4567").containsEntry("losslab.version", "0.1.0")
        .containsEntry("store.format", "1");
    RunSpec back = RunSpec.fromConfig(c);
    assertThat(back.config()).isEqualTo(c);
    assertThat(back.key()).isEqualTo(s.key()).hasSize(32);
    assertThat(back.setup()).isEqualTo(s.setup());
    assertThat(back.noise()).isEqualTo(s.noise());
  }

  @Test
  void everyFieldChangesTheKeyAndNumbersAreCanonical() {
    Set<String> keys = new HashSet<>();
    keys.add(spec("gce", 1).key());
    keys.add(spec("gce", 2).key());
    keys.add(spec("gce:q=0.5", 1).key());
    keys.add(spec("mae", 1).key());
    RunSpec s = spec("gce", 1);
    keys.add(new RunSpec(s.loss(), 1, s.setup().withEpochs(3), s.noise(), 50, 1e-3, "abc/def", "dev").key());
    keys.add(new RunSpec(s.loss(), 1, s.setup(), Noise.parse("symmetric:0.2"), 50, 1e-3, "abc/def", "dev").key());
    keys.add(new RunSpec(s.loss(), 1, s.setup(), s.noise(), 51, 1e-3, "abc/def", "dev").key());
    keys.add(new RunSpec(s.loss(), 1, s.setup(), s.noise(), 50, 1e-2, "abc/def", "dev").key());
    keys.add(new RunSpec(s.loss(), 1, s.setup(), s.noise(), 50, 1e-3, "abc/xyz", "dev").key());
    keys.add(new RunSpec(s.loss(), 1, s.setup(), s.noise(), 50, 1e-3, "abc/def", "0.2").key());
    assertThat(keys).hasSize(10);
    // the label is not part of the run; 0.50 and 5e-1 are the same option value
    assertThat(new RunSpec(new LossChoice("my gce", "gce", Map.of("q", "0.50")), 1, s.setup(), s.noise(),
        50, 1e-3, "abc/def", "dev").key()).isEqualTo(new RunSpec(new LossChoice("gce", "gce",
            Map.of("q", "5e-1")), 1, s.setup(), s.noise(), 50, 1e-3, "abc/def", "dev").key());
  }

  @Test
  void aPlannedRunsKeyHasTheIdOfTheCodeThatTrainsIt() {
    // a provided loss from another folder (this module's test classes) is trained by more code
    CompareConfig c = CompareConfig.of("mse,test-fails-in-training", 1, ModelSetup.defaults());
    List<RunSpec> specs = SweepPlan.of(c, Grid.parse(List.of()), "abc/def").specs();
    assertThat(specs).hasSize(2);
    assertThat(specs.get(0).version()).isEqualTo(Provenance.version() + "+"
        + Provenance.trainingCode(dev.losslab.loss.Loss.class));
    assertThat(specs.get(1).version()).isEqualTo(Provenance.version() + "+"
        + Provenance.trainingCode(FailingLossProvider.class)).isNotEqualTo(specs.get(0).version());
    assertThat(specs.get(0).config()).containsEntry("losslab.version", specs.get(0).version());
  }

  @Test
  void aConfigurationMissingAKeyOrOfAnotherFormatIsRefused() {
    Map<String, String> c = new TreeMap<>(spec("gce", 1).config());
    c.remove("lr");
    assertThatThrownBy(() -> RunSpec.fromConfig(c)).hasMessage("run configuration has no 'lr'");
    Map<String, String> d = new TreeMap<>(spec("gce", 1).config());
    d.put("store.format", "9");
    assertThatThrownBy(() -> RunSpec.fromConfig(d)).hasMessageContaining("store format 9");
  }

  @Test
  void executeTrainsTheRunAndRecordsAFailureInsteadOfThrowing() {
    CompareData data = CompareData.generated(120, 60);
    RunSpec ok = new RunSpec(LossChoice.parse("cross-entropy"), 1, ModelSetup.defaults().withEpochs(2),
        Noise.NONE, 50, 1e-3, data.checksum(), "dev");
    RunRecord r = ok.execute(data);
    assertThat(r.status()).isEqualTo("ok");
    assertThat(r.result().epochs()).hasSize(2);
    assertThat(r.key()).isEqualTo(ok.key());
    // a loss that throws in training: failed, with its message
    RunSpec bad = new RunSpec(LossChoice.parse("test-fails-in-training"), 1,
        ModelSetup.defaults().withEpochs(2), Noise.NONE, 50, 1e-3, data.checksum(), "dev");
    RunRecord f = bad.execute(data);
    assertThat(f.status()).isEqualTo("failed");
    assertThat(f.result().failure()).isEqualTo(FailingLossProvider.MESSAGE);
    // a formula that is undefined once a score turns negative: diverged, with the trainer's message
    RunRecord d = new RunSpec(LossChoice.parse("formula:log(s[0])"), 1,
        ModelSetup.defaults().withEpochs(2), Noise.NONE, 50, 1e-3, data.checksum(), "dev").execute(data);
    assertThat(d.status()).isEqualTo("diverged");
    assertThat(d.result().failure()).contains("log");
    assertThatThrownBy(() -> ok.execute(CompareData.generated(100, 60)))
        .hasMessageContaining("is not the run's");
    RunResult again = ok.execute(data).result();
    assertThat(RunRecord.sameNumbers(again, r.result())).isTrue();
    assertThat(List.of(again.epochs().get(1).testAccuracy())).isEqualTo(
        List.of(r.result().epochs().get(1).testAccuracy()));
  }
}
