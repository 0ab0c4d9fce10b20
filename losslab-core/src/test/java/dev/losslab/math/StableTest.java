package dev.losslab.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stable primitives against extended precision and the order-of-operations vector of losses.md. */
class StableTest {

  @Test
  void logSoftmaxOfEqualHugeScoresIsMinusLogTwo() {
    double[] out = new double[2];
    Stable.logSoftmax(new double[] {1e17, 1e17}, 0, 2, out, 0);
    assertThat(out).containsExactly(-0.6931471805599453, -0.6931471805599453);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, 1e-8, 1e-5, 0.3, 0.999, 1, 1.5, 20, 40, 355, 800, 1e4, 1e300})
  void logCoshIsAccurateAndOverflowFree(double x) {
    double expected;
    if (x > 1e4) {
      expected = x - Stable.LN2; // e^{−2x} is far below an ulp
    } else {
      BigDecimal ex = BigMath.exp(x);
      BigDecimal cosh = ex.add(BigDecimal.ONE.divide(ex, BigMath.MC), BigMath.MC)
          .divide(BigDecimal.valueOf(2), BigMath.MC);
      expected = BigMath.log(cosh).doubleValue();
    }
    assertThat(Stable.logCosh(x)).isCloseTo(expected, within(2 * Math.ulp(expected)));
    assertThat(Stable.logCosh(-x)).isEqualTo(Stable.logCosh(x));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e-20, -1e-10, -0.1, -0.69, -0.7, -1, -5, -40, -800})
  void log1mExpIsAccurateOnBothSides(double x) {
    BigDecimal oneMinus = BigDecimal.ONE.subtract(BigMath.exp(x), BigMath.MC);
    double expected = BigMath.log(oneMinus).doubleValue();
    assertThat(Stable.log1mExp(x)).isCloseTo(expected, within(2 * Math.ulp(expected)));
  }

  @Test
  void softplusAndLogSigmoidAreFiniteEverywhere() {
    assertThat(Stable.softplus(-800)).isZero();
    assertThat(Stable.softplus(800)).isEqualTo(800.0);
    assertThat(Stable.softplus(-40)).isCloseTo(4.248354255291589e-18, within(1e-30));
    assertThat(Stable.logSigmoid(-1e4)).isEqualTo(-1e4);
    assertThat(Stable.sigmoid(-1e4)).isZero();
    assertThat(Stable.sigmoid(1e4)).isEqualTo(1.0);
    assertThat(Stable.xlogy(0, 0)).isZero();
  }
}
