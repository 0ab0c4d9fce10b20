package dev.losslab.cli.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers printed as C++ {@code ostream} prints them, so that scripts parsing fastText's output keep working. */
final class CppFormat {
  private CppFormat() {}

  /**
   * Default float format with {@code precision} significant digits ({@code %g} without trailing zeros).
   * The digits come from one rounding of {@code v} scaled by a power of ten when that rounding is
   * unambiguous (the common case, a few short-lived objects), otherwise from {@link #generalExact}:
   * the same text either way.
   */
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
    String fast = generalFast(v, precision);
    return fast != null ? fast : generalExact(v, precision);
  }

  /** The powers of ten a double holds exactly, 10⁰ to 10²². */
  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /**
   * {@link #general} from the double {@code |v|·10^(precision-1-e)}: one multiplication or division by
   * an exactly held power of ten, so within 2⁻⁵³ relative (below 1.2e-7 absolute for at most 9
   * digits) of the exact product; null when that leaves the rounding in doubt (a fraction within 1e-6
   * of one half), or for more digits or a power of ten out of range.
   */
  private static String generalFast(double v, int precision) {
    if (precision < 1 || precision > 9) {
      return null;
    }
    double a = Math.abs(v);
    int e = (int) Math.floor(Math.log10(a));
    int shift = precision - 1 - e;
    if (Math.abs(shift) >= POW10.length) {
      return null;
    }
    double scaled = shift >= 0 ? a * POW10[shift] : a / POW10[-shift];
    double low = POW10[precision - 1];
    if (scaled < low || scaled >= low * 10) {
      return null; // log10 rounded across a power of ten
    }
    double floor = Math.floor(scaled);
    double frac = scaled - floor;
    if (Math.abs(frac - 0.5) < 1e-6) {
      return null;
    }
    long m = (long) floor + (frac > 0.5 ? 1 : 0);
    if (m == (long) (low * 10)) {
      m = (long) low;
      e++;
    }
    String digits = Long.toString(m);
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    StringBuilder out = new StringBuilder(precision + 8);
    if (v < 0) {
      out.append('-');
    }
    if (e < -5 || e >= precision) {
      out.append(digits.charAt(0));
      if (end > 1) {
        out.append('.').append(digits, 1, end);
      }
      int ae = Math.abs(e);
      out.append('e').append(e < 0 ? '-' : '+').append(ae < 10 ? "0" : "").append(ae);
    } else if (e >= 0) {
      out.append(digits, 0, Math.min(end, e + 1));
      for (int i = end; i < e + 1; i++) {
        out.append('0');
      }
      if (end > e + 1) {
        out.append('.').append(digits, e + 1, end);
      }
    } else {
      out.append("0.");
      for (int i = 0; i < -e - 1; i++) {
        out.append('0');
      }
      out.append(digits, 0, end);
    }
    return out.toString();
  }

  /** {@link #general} from the exact decimal value of {@code v} (any finite, non-zero {@code v}). */
  static String generalExact(double v, int precision) {
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
