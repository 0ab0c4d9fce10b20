package dev.losslab.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Erf} against the BigDecimal Taylor series: a few ulps everywhere, also deep in the tail. */
class ErfTest {

  @ParameterizedTest
  @ValueSource(doubles = {1e-300, 1e-8, 0.01, 0.1, 0.3, 0.5, 0.77, 1, 1.4, 1.9, 1.99, 2, 2.01, 2.5, 3,
      3.7, 4.5, 5.2, 6})
  void erfIsWithin1e15RelativeOfExtendedPrecision(double x) {
    double expected = BigMath.erf(x).doubleValue();
    assertThat(Math.abs(Erf.erf(x) - expected)).isLessThanOrEqualTo(1e-15 * expected);
    assertThat(Erf.erf(-x)).isEqualTo(-Erf.erf(x));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.3, 0.5, 1, 1.5, 1.99, 2, 2.2, 3, 4, 5.5, 7, 8.5, 10})
  void erfcKeepsFullRelativePrecisionInTheTail(double x) {
    BigDecimal reference = BigMath.erfc(x);
    double expected = reference.doubleValue();
    double relative = Math.abs(Erf.erfc(x) - expected) / expected;
    // 1 − erf costs up to ulp(1)/erfc(2) ≈ 5e-14 just below 2, a few ulps elsewhere
    assertThat(relative).isLessThan(x < 2 ? 5e-14 : 1e-15);
    double mirrored = BigDecimal.valueOf(2).subtract(reference, MathContext.DECIMAL128).doubleValue();
    assertThat(Math.abs(Erf.erfc(-x) - mirrored)).isLessThanOrEqualTo(2 * Math.ulp(mirrored));
  }

  @Test
  void limitsAndNaN() {
    assertThat(Erf.erf(0)).isZero();
    assertThat(Erf.erf(30)).isEqualTo(1.0);
    assertThat(Erf.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Erf.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    assertThat(Erf.erfc(30)).isZero();
    assertThat(Erf.erfc(-30)).isEqualTo(2.0);
    assertThat(Erf.erfc(26)).isPositive().isLessThan(1e-290);
    assertThat(Erf.erf(Double.NaN)).isNaN();
    assertThat(Erf.erfc(Double.NaN)).isNaN();
  }
}
