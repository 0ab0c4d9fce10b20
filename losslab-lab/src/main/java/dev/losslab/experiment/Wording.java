package dev.losslab.experiment;

import dev.losslab.report.Numbers;
import java.util.List;
import java.util.Locale;

/** How the figure sentences ({@link FigureReadings}) write their numbers and lists. */
final class Wording {
  private Wording() {}

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> xs) {
    if (xs.size() <= 1) {
      return xs.isEmpty() ? "" : xs.get(0);
    }
    return String.join(", ", xs.subList(0, xs.size() - 1)) + " and " + xs.get(xs.size() - 1);
  }

  /** An accuracy: 3 decimals. */
  static String acc(double v) {
    return Numbers.format(v, 3);
  }

  /** A loss or a norm: 3 significant digits, {@code 0.0565}, {@code 14.2}, {@code 2.10e-07}. */
  static String sig(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return Numbers.format(v, 0);
    }
    double a = Math.abs(v);
    if (a < 1e-4 || a >= 1000) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** A fraction as a percentage: {@code 56.1 %}; below 0.1 % with three significant digits. */
  static String pct(double fraction) {
    double p = 100 * fraction;
    if (p == 0) {
      return "0 %";
    }
    if (Math.abs(p) < 0.1) {
      return sig(p) + " %";
    }
    return String.format(Locale.ROOT, "%.1f %%", p);
  }

  /** The size of {@code from} → {@code to}: "3.5-fold" from 2-fold up, else "37 %"; unsigned. */
  static String size(double from, double to) {
    double ratio = to / from;
    double fold = Math.max(ratio, 1 / ratio);
    if (fold >= 2) {
      return (fold >= 10 ? String.format(Locale.ROOT, "%.0f", fold)
          : String.format(Locale.ROOT, "%.1f", fold)) + "-fold";
    }
    return Math.abs(Math.round(100 * (ratio - 1))) + " %";
  }

  /** {@code from} → {@code to} signed: "−37 %", "+26 %", "3.5-fold", or "unchanged" below 0.5 %. */
  static String change(double from, double to) {
    long percent = Math.round(100 * (to / from - 1));
    if (percent == 0) {
      return "unchanged";
    }
    String size = size(from, to);
    return size.endsWith("-fold") ? size : (percent < 0 ? "−" : "+") + size;
  }

  /** " falls 37 %", " rises 3.5-fold" or " stays level" for {@code from} → {@code to}. */
  static String verb(double from, double to) {
    if (Math.round(100 * (to / from - 1)) == 0) {
      return " stays level";
    }
    return (to < from ? " falls " : " rises ") + size(from, to);
  }
}
