package dev.losslab.loss;

import java.util.ArrayList;
import java.util.List;

/**
 * Explains an infinite loss value. A built-in loss returns {@code +∞} (never NaN) only where the true
 * value is not representable in double, e.g. {@code exp-mse} at a score above ≈ 354.9 or
 * {@code poisson} above ≈ 709.78. {@link LossEvaluation} reports that value as it is; a caller that
 * sees a non-finite value or gradient asks this class which examples overflowed and why, and shows the
 * messages (the {@code loss} command prints them on standard error).
 *
 * <p>The check re-evaluates the loss example by example; it costs one evaluation of the batch.
 */
public final class LossDiagnostics {
  private LossDiagnostics() {}

  /**
   * One line per example whose value or gradient is not finite, naming the loss, the example, its
   * largest score and what overflowed; empty when everything is finite.
   *
   * @param scores row-major {@code n × k} scores (validated as by {@link LossEvaluation})
   */
  public static List<String> overflows(Loss loss, double[] scores, int n, int k, Target target) {
    LossEvaluation.checkScores(scores, n, k);
    loss.validate(target, n, k);
    List<String> messages = new ArrayList<>();
    double[] g = new double[k];
    for (int i = 0; i < n; i++) {
      double v = loss.evaluate(scores, i * k, k, target, i, g, 0);
      int badGradient = -1;
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(g[j])) {
          badGradient = j;
          break;
        }
      }
      if (Double.isFinite(v) && badGradient < 0) {
        continue;
      }
      int m = 0;
      for (int j = 1; j < k; j++) {
        if (scores[i * k + j] > scores[i * k + m]) {
          m = j;
        }
      }
      StringBuilder b = new StringBuilder();
      b.append(loss.name()).append(": example ").append(i).append(" (largest score ")
          .append(scores[i * k + m]).append(" at class ").append(m).append(") ");
      if (Double.isNaN(v)) {
        b.append("has a NaN value: this is a bug in the loss, please report it");
      } else if (!Double.isFinite(v)) {
        b.append("has value ").append(v)
            .append(": the true value exceeds the double range (~1.8e308)");
      } else {
        b.append("has gradient ").append(g[badGradient]).append(" at class ").append(badGradient)
            .append(": the true gradient exceeds the double range (~1.8e308)");
      }
      messages.add(b.toString());
    }
    return messages;
  }
}
