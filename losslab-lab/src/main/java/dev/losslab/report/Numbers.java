package dev.losslab.report;

import java.util.Locale;

/** Number formatting shared by the HTML, CSV, JSON and console writers: always a dot, never a locale. */
public final class Numbers {
  private Numbers() {}

  /** {@code value} with {@code digits} decimals; {@code NaN}, {@code inf} and {@code -inf} spelled out. */
  public static String format(double value, int digits) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(value);
    if (a != 0 && (a < Math.pow(10, -digits) || a >= 1e9)) {
      return String.format(Locale.ROOT, "%." + Math.max(1, digits - 1) + "e", value);
    }
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  /**
   * A count, or a mean of counts (epochs, runs, examples): {@code "16"} when it is a whole number,
   * else one decimal, {@code "16.3"}; never {@code "16.0000"}. {@code NaN} and infinities as
   * {@link #format}.
   */
  public static String count(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return format(value, 1);
  }

  /** The shortest text that reads back as exactly {@code value} ({@code NaN}, {@code Infinity} as Java spells them). */
  public static String exact(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
