package dev.losslab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimizerTest {

  private static TrainerConfig config(double lr, double momentum) {
    return TrainerConfig.defaults().withLearningRate(lr).withMomentum(momentum);
  }

  @Test
  void sgdStepsAgainstTheGradient() {
    double[] p = {1, 2};
    OptimizerKind.SGD.create(2, config(0.1, 0.9)).step(p, new double[] {10, -20});
    assertThat(p[0]).isCloseTo(0.0, within(1e-15));
    assertThat(p[1]).isCloseTo(4.0, within(1e-15));
  }

  @Test
  void momentumAccumulatesVelocity() {
    double[] p = {0};
    Optimizer o = OptimizerKind.MOMENTUM.create(1, config(0.1, 0.5));
    o.step(p, new double[] {1}); // v = 1, p = -0.1
    o.step(p, new double[] {1}); // v = 1.5, p = -0.25
    assertThat(p[0]).isCloseTo(-0.25, within(1e-15));
  }

  @Test
  void adamFirstStepHasTheLearningRateAsItsSize() {
    // with bias correction, m̂ = g and v̂ = g², so the first step is η·g/(|g| + ε)
    double[] p = {0, 0};
    OptimizerKind.ADAM.create(2, config(0.01, 0.9)).step(p, new double[] {3, -1e-3});
    assertThat(p[0]).isCloseTo(-0.01, within(1e-9));
    assertThat(p[1]).isCloseTo(0.01, within(1e-7));
  }

  @Test
  void everyOptimizerMinimisesAQuadratic() {
    for (OptimizerKind kind : OptimizerKind.values()) {
      double[] p = {5, -3};
      Optimizer o = kind.create(2, config(kind == OptimizerKind.ADAM ? 0.05 : 0.1, 0.5));
      for (int t = 0; t < 2000; t++) {
        o.step(p, new double[] {2 * (p[0] - 1), 4 * (p[1] + 2)}); // ∇ of (a−1)² + 2(b+2)²
      }
      assertThat(p[0]).as(kind.label()).isCloseTo(1, within(1e-3));
      assertThat(p[1]).as(kind.label()).isCloseTo(-2, within(1e-3));
    }
  }

  @Test
  void parsesNamesAndRejectsOthers() {
    assertThat(OptimizerKind.parse(" Adam ")).isEqualTo(OptimizerKind.ADAM);
    assertThat(OptimizerKind.parse("momentum")).isEqualTo(OptimizerKind.MOMENTUM);
    assertThatThrownBy(() -> OptimizerKind.parse("rmsprop"))
        .hasMessage("optimizer (rmsprop) must be one of sgd, momentum, adam");
  }
}
