package dev.losslab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainerConfigTest {

  @Test
  void withersChangeOneField() {
    TrainerConfig c = TrainerConfig.defaults().withEpochs(3).withBatchSize(32).withSeed(7)
        .withWeightDecay(1e-4).withStopping(StoppingRule.lossChange(1e-4));
    assertThat(c.epochs()).isEqualTo(3);
    assertThat(c.batchSize()).isEqualTo(32);
    assertThat(c.seed()).isEqualTo(7);
    assertThat(c.weightDecay()).isEqualTo(1e-4);
    assertThat(c.optimizer()).isEqualTo(OptimizerKind.ADAM);
    assertThat(c.stopping().describe()).isEqualTo("loss-change:1.0E-4");
  }

  @Test
  void invalidFieldsAreNamedWithTheirValues() {
    TrainerConfig d = TrainerConfig.defaults();
    assertThatThrownBy(() -> d.withLearningRate(0)).hasMessage("learning rate (0.0) must be > 0 and finite");
    assertThatThrownBy(() -> d.withLearningRate(Double.NaN)).hasMessageContaining("learning rate (NaN)");
    assertThatThrownBy(() -> d.withMomentum(1)).hasMessage("momentum (1.0) must be in [0, 1)");
    assertThatThrownBy(() -> d.withBatchSize(0)).hasMessage("batch size (0) must be ≥ 1");
    assertThatThrownBy(() -> d.withEpochs(0)).hasMessage("epochs (0) must be ≥ 1");
    assertThatThrownBy(() -> d.withWeightDecay(-1)).hasMessageContaining("weight decay (-1.0)");
  }

  @Test
  void stoppingRulesParseAndDescribeThemselves() {
    assertThat(StoppingRule.parse("none")).isEqualTo(StoppingRule.none());
    assertThat(StoppingRule.parse("gradient-norm:1e-3")).isEqualTo(StoppingRule.gradientNorm(1e-3));
    assertThat(StoppingRule.parse("Loss-Change:0.01")).isEqualTo(StoppingRule.lossChange(0.01));
    assertThat(StoppingRule.parse(StoppingRule.lossChange(0.5).describe()))
        .isEqualTo(StoppingRule.lossChange(0.5));
    assertThatThrownBy(() -> StoppingRule.parse("patience:3"))
        .hasMessage("stopping rule (patience:3) must be none, gradient-norm:T or loss-change:T");
    assertThatThrownBy(() -> StoppingRule.parse("loss-change:x"))
        .hasMessageContaining("threshold must be a number");
    assertThatThrownBy(() -> StoppingRule.gradientNorm(0))
        .hasMessageContaining("gradient-norm threshold (0.0) must be > 0");
  }

  @Test
  void lossChangeIsRelativeAndNeedsAPreviousEpoch() {
    StoppingRule rule = StoppingRule.lossChange(0.01);
    EpochMetrics a = new EpochMetrics(1, 2.0, 2.0, 1, 1, 0, true);
    EpochMetrics b = new EpochMetrics(2, 1.99, 1.99, 1, 2, 0, true);
    EpochMetrics c = new EpochMetrics(2, 1.9, 1.9, 1, 2, 0, true);
    assertThat(rule.shouldStop(a, null)).isFalse();
    assertThat(rule.shouldStop(b, a)).isTrue(); // 0.5 % change
    assertThat(rule.shouldStop(c, a)).isFalse(); // 5 % change
    assertThat(StoppingRule.gradientNorm(0.5).shouldStop(
        new EpochMetrics(1, 1, 1, Double.NaN, 1, 0, true), null)).isFalse();
  }
}
