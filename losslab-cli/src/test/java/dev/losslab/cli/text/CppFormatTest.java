package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CppFormat#general}: its fast path must print exactly what the exact path prints. */
class CppFormatTest {

  private static void same(double v, int precision) {
    assertThat(CppFormat.general(v, precision))
        .as("%s with %d digits", v, precision)
        .isEqualTo(CppFormat.generalExact(v, precision));
  }

  @Test
  void printsAsCppDoes() {
    assertThat(CppFormat.general(0.5, 6)).isEqualTo("0.5");
    assertThat(CppFormat.general(1.00001, 6)).isEqualTo("1.00001");
    assertThat(CppFormat.general(100, 6)).isEqualTo("100");
    assertThat(CppFormat.general(123456789, 6)).isEqualTo("1.23457e+08");
    assertThat(CppFormat.general(0.000123, 6)).isEqualTo("0.000123");
    assertThat(CppFormat.general(1.5e-9, 6)).isEqualTo("1.5e-09");
    assertThat(CppFormat.general(-2.5e12, 3)).isEqualTo("-2.5e+12");
    assertThat(CppFormat.general(0.6459, 3)).isEqualTo("0.646");
    assertThat(CppFormat.general(0.9999996, 6)).isEqualTo("1");
    assertThat(CppFormat.general(0, 6)).isEqualTo("0");
  }

  @Test
  void fastPathMatchesTheExactOneOnProbabilitiesAndScores() {
    Random rnd = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      float p = rnd.nextFloat();
      same(p + 1e-5, 6);
      same(p, 3);
      same((double) p * p * p * p, 6);
    }
  }

  @Test
  void fastPathMatchesTheExactOneAcrossMagnitudesAndDigits() {
    Random rnd = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      double v = (rnd.nextDouble() * 2 - 1) * Math.pow(10, rnd.nextInt(60) - 30);
      same(v, 1 + rnd.nextInt(12));
    }
  }

  @Test
  void fastPathMatchesTheExactOneAtTiesAndPowersOfTen() {
    for (int precision = 1; precision <= 10; precision++) {
      for (int k = -25; k <= 25; k++) {
        double ten = Math.pow(10, k);
        for (double v : new double[] {ten, Math.nextUp(ten), Math.nextDown(ten), 9.5 * ten,
            0.5 * ten, 1.25 * ten, 2.5 * ten, 0.999999949 * ten, 0.99999995 * ten,
            0.123456785 * ten, 0.1234565 * ten}) {
          same(v, precision);
          same(-v, precision);
          same(Math.nextUp(v), precision);
          same(Math.nextDown(v), precision);
        }
      }
    }
    for (int n = 0; n < 100_000; n++) {
      same((n + 0.5) / 1e6, 6); // halves of the last digit, as far as a double can hold them
      same((n + 0.5) / 1e3, 3);
    }
  }
}
