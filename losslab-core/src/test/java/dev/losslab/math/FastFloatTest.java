package dev.losslab.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The float kernels of the fused loss loops against the double library functions. The build runs this
 * class twice: in a default JVM, where the double kernels use {@link Math#fma} if the hardware has it,
 * and with {@code -XX:-UseFMA} and {@code losslab.test.expectFma=false}, where they must not.
 */
class FastFloatTest {

  @Test
  void fusedMultiplyAddIsUsedOnlyWhereTheJvmHasIt() {
    String expected = System.getProperty("losslab.test.expectFma");
    if (expected != null) {
      assertThat(FastFloat.fastFma()).isEqualTo(Boolean.parseBoolean(expected));
    }
  }

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
  void vectorExpIsWithin2point5e8RelativeDownToMinus104AndNarrowsToTheRightFloatEverywhere() {
    int n = 2_000_001;
    double[] x = new double[n + 4];
    for (int i = 0; i < n; i++) {
      // dense over [−120, 0], which holds the float normal/denormal boundary (−87.34) and the last
      // denormal (≈ −103.28)
      x[i] = -120.0 * i / (n - 1);
    }
    x[n] = -1e4;
    x[n + 1] = -800;
    x[n + 2] = Double.NEGATIVE_INFINITY;
    x[n + 3] = -Double.MIN_VALUE;
    double[] e = x.clone();
    FastFloat.expNonPositive(e, 0, e.length);
    double worst = 0;
    double worstNear = 0;
    int denormals = 0;
    for (int i = 0; i < x.length; i++) {
      double exact = Math.exp(x[i]);
      if (x[i] >= -104) {
        double rel = Math.abs(e[i] - exact) / exact;
        worst = Math.max(worst, rel);
        if (x[i] >= -20) {
          worstNear = Math.max(worstNear, rel);
        }
      } else {
        assertThat(e[i]).isBetween(0.0, 7e-46);
      }
      float narrowed = (float) e[i];
      float expected = (float) exact;
      assertThat(Math.abs(narrowed - expected)).as("x = %s", x[i])
          .isLessThanOrEqualTo(Math.ulp(expected));
      if (x[i] <= -104) {
        assertThat(narrowed).as("x = %s", x[i]).isZero();
      }
      if (narrowed != 0 && narrowed < Float.MIN_NORMAL) {
        denormals++;
      }
    }
    assertThat(worst).isLessThan(2.5e-8);
    assertThat(worstNear).isLessThan(1e-12);
    assertThat(denormals).isGreaterThan(1000);
    assertThat(e[0]).isEqualTo(1.0);
  }

  @Test
  void vectorExpTouchesOnlyItsRangeAndKeepsNaN() {
    double[] a = {-1, -2, Double.NaN, -3};
    FastFloat.expNonPositive(a, 1, 3);
    assertThat(a[0]).isEqualTo(-1.0);
    assertThat(a[1]).isCloseTo(Math.exp(-2), org.assertj.core.data.Offset.offset(1e-13));
    assertThat(a[2]).isNaN();
    assertThat(a[3]).isEqualTo(-3.0);
  }

  @Test
  void shiftedVectorExpIsTheExpOfTheDifference() {
    double[] a = {3.5, 1.25, -800, 3.5 - 1e-9};
    FastFloat.expNonPositive(a, 0, a.length, 3.5);
    assertThat(a[0]).isEqualTo(1.0);
    assertThat(a[1]).isCloseTo(Math.exp(1.25 - 3.5), org.assertj.core.data.Offset.offset(1e-13));
    assertThat((float) a[2]).isZero();
    assertThat(a[3]).isCloseTo(1 - 1e-9, org.assertj.core.data.Offset.offset(1e-13));
  }

  @Test
  void doubleLog1pUnitIsWithin2e10RelativeOnZeroToOne() {
    double worst = 0;
    for (int i = 1; i <= 1_000_000; i++) {
      double x = i / 1_000_000.0;
      double expected = Math.log1p(x);
      worst = Math.max(worst, Math.abs(FastFloat.log1pUnit(x) - expected) / expected);
    }
    assertThat(worst).isLessThan(2e-10);
    assertThat(FastFloat.log1pUnit(0.0)).isZero();
    assertThat(FastFloat.log1pUnit(4e-18)).isEqualTo(4e-18);
    assertThat(FastFloat.log1pUnit(1e-300)).isEqualTo(1e-300);
  }

  @Test
  void sumAndDotAddEveryElementOfTheirRange() {
    for (int n = 0; n <= 19; n++) {
      double[] a = new double[n + 2];
      double expected = 0;
      for (int i = 1; i <= n; i++) {
        a[i] = i;
        expected += i;
      }
      a[0] = 1e9;
      a[n + 1] = 1e9;
      assertThat(FastFloat.sum(a, 1, n + 1)).isEqualTo(expected);
      float[] f = new float[n + 2];
      for (int i = 0; i < n + 2; i++) {
        f[i] = (float) a[i];
      }
      assertThat(FastFloat.sum(f, 1, n)).as("float row of %d", n).isEqualTo(expected);
      double[] b = new double[n + 3];
      double products = 0;
      for (int i = 0; i < n; i++) {
        b[i + 2] = 2 * i - 3;
        products += a[i + 1] * b[i + 2];
      }
      assertThat(FastFloat.dot(a, 1, b, 2, n)).isEqualTo(products);
    }
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
