package dev.losslab.cli.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers printed as C++ {@code ostream} prints them, so that scripts parsing fastText's output keep working. */
final class CppFormat {
  private CppFormat() {}

  /** Default float format with {@code precision} significant digits ({@code %g} without trailing zeros). */
  static String general(double v, int precision) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -5 || exponent >= precision) {
      BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
      String m = mantissa.toPlainString();
      int e = Math.abs(exponent);
      return m + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
    }
    String s = d.stripTrailingZeros().toPlainString();
    return s;
  }

  /** Fixed format with {@code decimals} digits after the point. */
  static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }
}
