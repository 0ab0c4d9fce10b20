package dev.losslab.experiment;

import dev.losslab.nn.Network;

/**
 * Per-example diagnostics of a classification loss at given scores (the model as an epoch left it):
 *
 * <ul>
 *   <li><b>stalled</b>: the fraction of examples that are misclassified ({@code argmax s ≠ y}) yet whose
 *       score gradient is tiny, {@code ‖∂L/∂s‖₂ < threshold} — the saturation of seed 001 §2.3, where
 *       squared error on a saturated sigmoid or softmax stops correcting a confident mistake;
 *   <li><b>wrong direction</b>: among the scores of incorrect classes {@code j ≠ y}, the fraction with
 *       {@code ∂L/∂s_j < 0}, i.e. which a gradient-descent step on the scores pushes up (seed 000 §4);
 *       and the fraction of examples with at least one such class;
 *   <li>the mean score-gradient norm {@code ‖∂L/∂s‖₂} and the fraction of examples whose loss or
 *       gradient is not finite (exp-mse overflows for scores beyond about 354).
 * </ul>
 *
 * @param stalled fraction of examples misclassified with ‖∂L/∂s‖₂ below the threshold
 * @param wrongDirection fraction of (example, incorrect class) pairs with ∂L/∂s_j < 0
 * @param wrongDirectionExamples fraction of examples with at least one incorrect class pushed up
 * @param meanScoreGradientNorm mean over finite examples of ‖∂L/∂s‖₂
 * @param nonFinite fraction of examples whose loss or gradient is NaN or infinite
 * @param examples how many examples were measured
 */
public record GradientDiagnostics(double stalled, double wrongDirection,
    double wrongDirectionExamples, double meanScoreGradientNorm, double nonFinite, int examples) {

  /** The default stall threshold on ‖∂L/∂s‖₂. */
  public static final double DEFAULT_STALL_THRESHOLD = 1e-3;

  /**
   * Measures {@code loss} on {@code n} examples: row-major scores {@code n × k} and labels.
   *
   * @param stallThreshold an example is stalled when misclassified and ‖∂L/∂s‖₂ is below this
   */
  public static GradientDiagnostics measure(LabelProbe probe, double[] scores, int n, int k,
      int[] labels, double stallThreshold) {
    double[] g = new double[k];
    int stalled = 0;
    long wrongPairs = 0;
    int wrongExamples = 0;
    int nonFinite = 0;
    double normSum = 0;
    int finite = 0;
    for (int i = 0; i < n; i++) {
      int y = labels[i];
      double v = probe.evaluate(scores, i * k, y, g);
      double norm2 = 0;
      boolean ok = Double.isFinite(v);
      int wrongHere = 0;
      for (int j = 0; j < k; j++) {
        ok &= Double.isFinite(g[j]);
        norm2 += g[j] * g[j];
        if (j != y && g[j] < 0) {
          wrongHere++;
        }
      }
      if (!ok || !Double.isFinite(norm2)) {
        nonFinite++;
        continue;
      }
      double norm = Math.sqrt(norm2);
      normSum += norm;
      finite++;
      wrongPairs += wrongHere;
      if (wrongHere > 0) {
        wrongExamples++;
      }
      if (Network.argmax(scores, i * k, k) != y && norm < stallThreshold) {
        stalled++;
      }
    }
    double dn = Math.max(n, 1);
    double pairs = Math.max((double) finite * (k - 1), 1);
    return new GradientDiagnostics(stalled / dn, wrongPairs / pairs,
        finite == 0 ? 0 : wrongExamples / (double) finite,
        finite == 0 ? Double.NaN : normSum / finite, nonFinite / dn, n);
  }
}
