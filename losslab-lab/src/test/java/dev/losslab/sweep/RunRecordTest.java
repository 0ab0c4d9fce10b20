package dev.losslab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.experiment.EpochRecord;
import dev.losslab.experiment.GradientDiagnostics;
import dev.losslab.experiment.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordTest {

  @Test
  void jsonKeepsEveryBitIncludingNonFiniteNumbers() {
    RunSpec s = RunSpecTest.spec("gce", 2);
    List<EpochRecord> epochs = List.of(
        new EpochRecord(1, 0.1 + 0.2, 1.0 / 3, Math.PI * 1e-300,
            new GradientDiagnostics(Math.nextUp(0.0), -0.0, 0.5, Double.NaN, 0.0, 50), 0.012, 0.7),
        new EpochRecord(2, Double.POSITIVE_INFINITY, Double.MIN_NORMAL, Double.MAX_VALUE,
            new GradientDiagnostics(0, 0, 0, Double.NEGATIVE_INFINITY, 1, 50), 1e-9, 0.25));
    RunRecord r = RunRecord.of(s, new RunResult("gce", 2, epochs, "DIVERGED", "objective is NaN"), 1.5);
    RunRecord back = RunRecord.fromJson(r.toJson());
    assertThat(back).isEqualTo(r);
    assertThat(back.result().epochs()).isEqualTo(epochs);
    assertThat(back.status()).isEqualTo("diverged");
    assertThat(r.toJson()).contains("\"NaN\"").contains("\"-Infinity\"").contains("\"status\" : \"diverged\"");
  }

  @Test
  void aRecordWhoseKeyIsNotItsConfigurationsHashIsRefused() {
    RunSpec s = RunSpecTest.spec("gce", 2);
    String json = RunRecord.of(s, new RunResult("gce", 2, List.of(), "EPOCHS", null), 1).toJson();
    String other = RunSpecTest.spec("gce", 3).key();
    assertThatThrownBy(() -> RunRecord.fromJson(json.replace(s.key(), other)))
        .hasMessageContaining("is not the hash of its configuration");
    assertThatThrownBy(() -> RunRecord.fromJson(json.substring(0, json.length() / 2)))
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> RunRecord.fromJson(json.replace("\"format\" : 1", "\"format\" : 2")))
        .hasMessageContaining("record format 2");
  }
}
