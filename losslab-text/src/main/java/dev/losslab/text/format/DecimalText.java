package dev.losslab.text.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal text for numbers, as the C library writes and reads it, on bytes and without allocation in
 * the common case: the two halves of a {@code .vec} file and of the vectors fastText prints.
 *
 * <p><b>Writing</b> ({@link #appendGeneral}) is C's {@code %.Pg} — what a C++ stream prints for a
 * {@code float} or {@code double} after {@code setprecision(P)}: P significant digits, rounded
 * half-to-even from the exact binary value, trailing zeros dropped, and the exponent form
 * ({@code 1.2346e-05}) when the decimal exponent X after rounding is below -4 or at least P. The
 * digits come from one multiplication by an exactly held power of ten when that cannot leave the
 * rounding in doubt, otherwise from the exact decimal value ({@link BigDecimal}): the same text
 * either way. NaN prints {@code nan}, infinities {@code inf} and {@code -inf}, negative zero
 * {@code -0}.
 *
 * <p><b>Reading</b> ({@link #parseFloat}) accepts C's decimal form only — an optional sign, digits
 * with an optional point, an optional exponent ({@code -0.29098}, {@code 7.3595e-05}, {@code 3},
 * {@code .5}) — correctly rounded to the nearest float, and refuses everything else, Java's extras
 * included ({@code NaN}, {@code Infinity}, hexadecimal, a trailing {@code f}). Up to 7 significant
 * digits with a decimal exponent within ±10 are converted exactly by one float operation on two
 * exactly held operands (Clinger's fast path); anything else goes through {@link Float#parseFloat}.
 */
public final class DecimalText {
  private DecimalText() {}

  /** The longest text {@link #appendGeneral} writes for a precision of at most 17 digits. */
  public static final int MAX_LENGTH = 32;

  private static final double[] POW10 = new double[23];
  private static final float[] POW10F = new float[11];
  private static final long[] LONG_POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    LONG_POW10[0] = 1;
    for (int i = 1; i < LONG_POW10.length; i++) {
      LONG_POW10[i] = LONG_POW10[i - 1] * 10;
    }
    POW10F[0] = 1;
    for (int i = 1; i < POW10F.length; i++) {
      POW10F[i] = POW10F[i - 1] * 10;
    }
  }

  /**
   * Writes {@code v} as {@code %.Pg} at {@code out[pos]} (at most {@link #MAX_LENGTH} bytes).
   *
   * @param precision significant digits, 1 to 17
   * @return the position after the last byte written
   */
  public static int appendGeneral(byte[] out, int pos, double v, int precision) {
    if (precision < 1 || precision > 17) {
      throw new IllegalArgumentException("precision (" + precision + ") must be in [1, 17]");
    }
    if (Double.isNaN(v)) {
      return ascii(out, pos, "nan");
    }
    if (Double.isInfinite(v)) {
      return ascii(out, pos, v > 0 ? "inf" : "-inf");
    }
    if (v == 0) {
      return ascii(out, pos, 1 / v < 0 ? "-0" : "0");
    }
    if (v < 0) {
      out[pos++] = '-';
    }
    double a = Math.abs(v);
    long digits = 0;
    int exponent = 0;
    boolean done = false;
    if (precision <= 15) {
      int e = (int) Math.floor(Math.log10(a));
      int shift = precision - 1 - e;
      if (Math.abs(shift) < POW10.length) {
        // one correctly rounded operation: within scaled·2^-53 of the exact |v|·10^shift, so the
        // digits are those of its rounding unless the fraction lies that close to one half
        double scaled = shift >= 0 ? a * POW10[shift] : a / POW10[-shift];
        double low = POW10[precision - 1];
        if (scaled >= low && scaled < low * 10) {
          double floor = Math.floor(scaled);
          double frac = scaled - floor;
          if (Math.abs(frac - 0.5) > scaled * 0x1p-50) {
            digits = (long) floor + (frac > 0.5 ? 1 : 0);
            exponent = e;
            if (digits == (long) (low * 10)) {
              digits = (long) low;
              exponent++;
            }
            done = true;
          }
        }
      }
    }
    if (!done) {
      BigDecimal d = new BigDecimal(a).round(new MathContext(precision, RoundingMode.HALF_EVEN));
      // d = unscaled · 10^-scale with at most `precision` digits: pad to exactly `precision`
      BigDecimal u = d.movePointRight(precision - 1 - (d.precision() - d.scale() - 1));
      digits = u.longValueExact();
      exponent = d.precision() - d.scale() - 1;
    }
    return layout(out, pos, digits, exponent, precision);
  }

  /** {@code %.Pg} of {@code v} as a string (see {@link #appendGeneral}). */
  public static String general(double v, int precision) {
    byte[] b = new byte[MAX_LENGTH];
    int n = appendGeneral(b, 0, v, precision);
    return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Lays out {@code digits} (exactly {@code precision} of them, the first non-zero) times
   * {@code 10^(exponent - precision + 1)} in C's {@code %g} form.
   */
  private static int layout(byte[] out, int pos, long digits, int exponent, int precision) {
    int end = precision;
    while (end > 1 && digit(digits, end - 1, precision) == '0') {
      end--;
    }
    if (exponent < -4 || exponent >= precision) {
      out[pos++] = digit(digits, 0, precision);
      if (end > 1) {
        out[pos++] = '.';
        for (int i = 1; i < end; i++) {
          out[pos++] = digit(digits, i, precision);
        }
      }
      out[pos++] = 'e';
      out[pos++] = (byte) (exponent < 0 ? '-' : '+');
      int ae = Math.abs(exponent);
      if (ae >= 100) {
        out[pos++] = (byte) ('0' + ae / 100);
      }
      out[pos++] = (byte) ('0' + ae / 10 % 10);
      out[pos++] = (byte) ('0' + ae % 10);
    } else if (exponent >= 0) {
      for (int i = 0; i <= exponent; i++) {
        out[pos++] = i < end ? digit(digits, i, precision) : (byte) '0';
      }
      if (end > exponent + 1) {
        out[pos++] = '.';
        for (int i = exponent + 1; i < end; i++) {
          out[pos++] = digit(digits, i, precision);
        }
      }
    } else {
      out[pos++] = '0';
      out[pos++] = '.';
      for (int i = 0; i < -exponent - 1; i++) {
        out[pos++] = '0';
      }
      for (int i = 0; i < end; i++) {
        out[pos++] = digit(digits, i, precision);
      }
    }
    return pos;
  }

  /** Digit {@code i} (0 = the first) of the {@code precision}-digit number {@code digits}, as ASCII. */
  private static byte digit(long digits, int i, int precision) {
    return (byte) ('0' + (digits / LONG_POW10[precision - 1 - i]) % 10);
  }

  private static int ascii(byte[] out, int pos, String s) {
    for (int i = 0; i < s.length(); i++) {
      out[pos++] = (byte) s.charAt(i);
    }
    return pos;
  }

  /**
   * The float nearest to the decimal number in {@code b[off .. off+len)}, or NaN when those bytes are
   * not one ({@link DecimalText}: C's decimal form only). A number too large for a float reads as an
   * infinity; callers that want finite values check.
   */
  public static float parseFloat(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    if (i == end) {
      return Float.NaN;
    }
    boolean negative = false;
    if (b[i] == '+' || b[i] == '-') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int exp10 = 0;
    int digits = 0;
    boolean point = false;
    for (; i < end; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        digits++;
        if (mantissa != 0 || c != '0') {
          if (significant < 18) {
            mantissa = mantissa * 10 + (c - '0');
            significant++;
            if (point) {
              exp10--;
            }
          } else {
            significant++;
            if (!point) {
              exp10++;
            }
          }
        } else if (point) {
          exp10--;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return Float.NaN;
    }
    if (i < end) {
      if (b[i] != 'e' && b[i] != 'E') {
        return Float.NaN;
      }
      i++;
      boolean expNegative = false;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        expNegative = b[i] == '-';
        i++;
      }
      if (i == end) {
        return Float.NaN;
      }
      int e = 0;
      for (; i < end; i++) {
        byte c = b[i];
        if (c < '0' || c > '9') {
          return Float.NaN;
        }
        if (e < 100_000) {
          e = e * 10 + (c - '0');
        }
      }
      exp10 += expNegative ? -e : e;
    }
    float value;
    if (mantissa == 0) {
      value = 0f;
    } else if (significant <= 18 && mantissa < (1L << 24) && exp10 >= -10 && exp10 <= 10) {
      float m = (float) mantissa;
      value = exp10 >= 0 ? m * POW10F[exp10] : m / POW10F[-exp10];
    } else {
      value = Float.parseFloat(new String(b, off, len, java.nio.charset.StandardCharsets.US_ASCII));
      return value;
    }
    return negative ? -value : value;
  }
}
