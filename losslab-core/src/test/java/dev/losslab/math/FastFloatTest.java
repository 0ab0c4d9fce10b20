package dev.losslab.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The float kernels of the fused loss loops against the double library functions. */
class FastFloatTest {

  @Test
  void expNonPositiveIsWithin3e7RelativeOverItsDomain() {
    double worst = 0;
    for (int i = 0; i <= 200_000; i++) {
      float x = (float) (-87.3 * i / 200_000.0);
      double expected = Math.exp(x);
      worst = Math.max(worst, Math.abs(FastFloat.expNonPositive(x) - expected) / expected);
    }
    assertThat(worst).isLessThan(3e-7);
    assertThat(FastFloat.expNonPositive(0f)).isEqualTo(1f);
    assertThat(FastFloat.expNonPositive(-1e4f)).isBetween(0f, 2e-38f);
    assertThat(FastFloat.expNonPositive(Float.NEGATIVE_INFINITY)).isBetween(0f, 2e-38f);
  }

  @Test
  void log1pUnitIsWithin3e7RelativeOnZeroToOne() {
    double worst = 0;
    for (int i = 1; i <= 200_000; i++) {
      float x = (float) (i / 200_000.0);
      double expected = Math.log1p(x);
      worst = Math.max(worst, Math.abs(FastFloat.log1pUnit(x) - expected) / expected);
    }
    assertThat(worst).isLessThan(3e-7);
    assertThat(FastFloat.log1pUnit(0f)).isZero();
    assertThat(FastFloat.log1pUnit(1e-30f)).isCloseTo(1e-30f, org.assertj.core.data.Offset.offset(1e-36f));
  }
}
