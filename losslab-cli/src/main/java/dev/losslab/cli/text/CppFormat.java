package dev.losslab.cli.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point numbers as a C++ {@code ostream} prints them after {@code std::fixed}, so that scripts
 * parsing fastText's output keep working. The default ({@code %g}) form is
 * {@link dev.losslab.text.format.DecimalText#general}.
 */
final class CppFormat {
  private CppFormat() {}

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
