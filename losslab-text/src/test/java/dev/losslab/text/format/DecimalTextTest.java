package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {

  /** C's %.Pg from the exact decimal value, written plainly: the reference the fast path must match. */
  static String reference(double v, int p) {
    if (v == 0) {
      return 1 / v < 0 ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int x = d.precision() - d.scale() - 1;
    if (x < -4 || x >= p) {
      String m = d.movePointLeft(x).stripTrailingZeros().toPlainString();
      int ax = Math.abs(x);
      return m + "e" + (x < 0 ? "-" : "+") + (ax < 10 ? "0" : "") + ax;
    }
    return d.stripTrailingZeros().toPlainString();
  }

  @ParameterizedTest
  @CsvSource({
      // printed by fastText 0.9.2 (setprecision(5)) for float vectors, and by printf("%.5g")
      "-0.29098, 5, -0.29098", "7.6763e-05, 5, 7.6763e-05", "0.00074721, 5, 0.00074721",
      "-0.0342, 5, -0.0342", "0.0098785, 5, 0.0098785", "123455, 5, 1.2346e+05", "100000, 5, 1e+05",
      "99999.5, 5, 1e+05", "0.5, 5, 0.5", "1.00001, 6, 1.00001", "1e-05, 6, 1e-05",
      "1.5e-05, 6, 1.5e-05", "0.0001, 6, 0.0001", "123456789, 6, 1.23457e+08", "1.25, 2, 1.2",
      "1.35, 2, 1.4", "9.99996, 5, 10", "1e-300, 5, 1e-300", "0, 5, 0", "-0.0, 5, -0"})
  void writesWhatCWrites(double v, int precision, String expected) {
    assertThat(DecimalText.general(v, precision)).isEqualTo(expected);
  }

  @Test
  void nonFiniteValues() {
    assertThat(DecimalText.general(Double.NaN, 5)).isEqualTo("nan");
    assertThat(DecimalText.general(Double.POSITIVE_INFINITY, 5)).isEqualTo("inf");
    assertThat(DecimalText.general(Double.NEGATIVE_INFINITY, 5)).isEqualTo("-inf");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 5, 6, 9, 12, 17})
  void randomFloatsAndDoublesMatchTheExactReference(int precision) {
    SplittableRandom r = new SplittableRandom(precision);
    for (int i = 0; i < 20_000; i++) {
      float f = Float.intBitsToFloat(r.nextInt());
      if (!Float.isFinite(f)) {
        continue;
      }
      assertThat(DecimalText.general(f, precision)).as("%s", f).isEqualTo(reference(f, precision));
      double d = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-12, 12));
      assertThat(DecimalText.general(d, precision)).as("%s", d).isEqualTo(reference(d, precision));
    }
  }

  private static void same(double v, int precision) {
    assertThat(DecimalText.general(v, precision))
        .as("%s with %d digits", v, precision)
        .isEqualTo(reference(v, precision));
  }

  /** The numbers {@code predict-prob} and {@code test} print, as a C++ stream prints them. */
  @Test
  void printsScoresAsCppDoes() {
    assertThat(DecimalText.general(0.5, 6)).isEqualTo("0.5");
    assertThat(DecimalText.general(1.00001, 6)).isEqualTo("1.00001");
    assertThat(DecimalText.general(100, 6)).isEqualTo("100");
    assertThat(DecimalText.general(123456789, 6)).isEqualTo("1.23457e+08");
    assertThat(DecimalText.general(0.000123, 6)).isEqualTo("0.000123");
    assertThat(DecimalText.general(1.5e-9, 6)).isEqualTo("1.5e-09");
    assertThat(DecimalText.general(-2.5e12, 3)).isEqualTo("-2.5e+12");
    assertThat(DecimalText.general(0.6459, 3)).isEqualTo("0.646");
    assertThat(DecimalText.general(0.9999996, 6)).isEqualTo("1");
    assertThat(DecimalText.general(0, 6)).isEqualTo("0");
    // fastText prints a probability below 1e-4 in the exponent form (C's %g: exponent below -4)
    assertThat(DecimalText.general(1.00001e-5, 6)).isEqualTo("1.00001e-05");
    assertThat(DecimalText.general(9.9e-5f, 6)).isEqualTo("9.9e-05");
  }

  @Test
  void probabilitiesAndScoresMatchTheExactReference() {
    java.util.Random rnd = new java.util.Random(5);
    for (int i = 0; i < 200_000; i++) {
      float p = rnd.nextFloat();
      same(p + 1e-5, 6);
      same(p, 3);
      same((double) p * p * p * p, 6);
    }
  }

  @Test
  void magnitudesAndDigitsMatchTheExactReference() {
    java.util.Random rnd = new java.util.Random(11);
    for (int i = 0; i < 100_000; i++) {
      double v = (rnd.nextDouble() * 2 - 1) * Math.pow(10, rnd.nextInt(60) - 30);
      same(v, 1 + rnd.nextInt(12));
    }
  }

  @Test
  void tiesAndPowersOfTenMatchTheExactReference() {
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

  @Test
  void halfwayCasesRoundToEven() {
    // exactly representable ties: the exact path decides them half-to-even, as glibc does
    assertThat(DecimalText.general(0.125, 2)).isEqualTo("0.12");
    assertThat(DecimalText.general(0.375, 2)).isEqualTo("0.38");
    assertThat(DecimalText.general(2.5, 1)).isEqualTo("2");
    assertThat(DecimalText.general(3.5, 1)).isEqualTo("4");
  }

  private static float parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return DecimalText.parseFloat(b, 0, b.length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.29098", "7.3595e-05", "3", ".5", "5.", "+1.5E+3", "0.000", "-0",
      "1e-45", "3.4028235e38", "123456789012345678901234567890", "0.1000000000000000055511151231257827",
      "1.17549435E-38", "4.9e-324", "16777217", "9.999999e-11"})
  void readsAsJavaReadsDecimals(String s) {
    assertThat(Float.floatToIntBits(parse(s))).as(s).isEqualTo(Float.floatToIntBits(Float.parseFloat(s)));
  }

  @Test
  void randomShortDecimalsAreCorrectlyRounded() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      float f = Float.intBitsToFloat(r.nextInt(0x00800000, 0x7f000000));
      String s = DecimalText.general(f, 1 + r.nextInt(9));
      assertThat(parse(s)).as(s).isEqualTo(Float.parseFloat(s));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "NaN", "nan", "inf",
      "Infinity", "0x1p3", "1f", "1d", "1,5", "1 5", "--1", "1e5.5"})
  void refusesWhatIsNotADecimal(String s) {
    assertThat(parse(s)).as(s).isNaN();
  }

  @Test
  void tooLargeReadsAsInfinity() {
    assertThat(parse("1e39")).isInfinite();
    assertThat(parse("-1e400")).isEqualTo(Float.NEGATIVE_INFINITY);
  }
}
