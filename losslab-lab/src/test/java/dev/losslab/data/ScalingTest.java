package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScalingTest {

  static DenseDataset data() {
    // column 0: 1, 3, 5 (mean 3, sd √(8/3)); column 1 constant 7
    return DenseDataset.classification("d", new float[] {1, 7, 3, 7, 5, 7}, 3, 2, new int[] {0, 1, 0}, 2);
  }

  @Test
  void standardizerCentresAndScalesWithTheTrainingStatistics() {
    Standardizer s = Standardizer.fit(data());
    assertThat(s.mean()).containsExactly(3.0, 7.0);
    assertThat(s.scale()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-12));
    assertThat(s.scale()[1]).isEqualTo(1.0); // constant column: only centred
    DenseDataset z = s.apply(data());
    assertThat(z.features()[0]).isCloseTo((float) (-2 / Math.sqrt(8.0 / 3)), within(1e-6f));
    assertThat(z.features()[1]).isZero();
    assertThat(z.labels()).containsExactly(0, 1, 0);
    DenseDataset other = DenseDataset.classification("o", new float[] {3}, 1, 1, new int[] {0}, 1);
    assertThatThrownBy(() -> s.apply(other)).hasMessageContaining("has 1 columns");
  }

  @Test
  void divideAndMinMax() {
    assertThat(Scaling.divide(data(), 2).features()).containsExactly(0.5f, 3.5f, 1.5f, 3.5f, 2.5f, 3.5f);
    assertThatThrownBy(() -> Scaling.divide(data(), 0)).hasMessageContaining("divisor (0.0)");
    assertThat(Scaling.minMax(data(), data()).features()).containsExactly(0f, 0f, 0.5f, 0f, 1f, 0f);
  }
}
