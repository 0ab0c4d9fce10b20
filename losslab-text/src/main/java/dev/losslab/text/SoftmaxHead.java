package dev.losslab.text;

import dev.losslab.math.FastFloat;

/**
 * fastText's {@code softmax} head (loss.cc:305-344), i.e. softmax cross-entropy of seed 003:
 * {@code p = softmax(B·h)} with the maximum subtracted, {@code L = −log p_t} for one target label
 * {@code t} drawn uniformly from the line's labels, {@code ∂L/∂s_j = p_j − y_j}. For every row, in
 * order: {@code α_j = lr·(y_j − p_j)}, {@code grad += α_j·B_j}, {@code B_j += α_j·h}.
 *
 * <p>The loss is computed as {@code log Σ e^{s−max} − (s_t − max)}, finite for every finite score
 * (fastText's 512-entry log table only changed the reported value). Prediction: {@code p_j} in float,
 * scores {@code log(p + 1e-5)}, labels with {@code p < threshold} skipped.
 */
public final class SoftmaxHead implements Head {

  @Override
  public String name() {
    return Args.SOFTMAX;
  }

  @Override
  public int fastTextCode() {
    return 3;
  }

  /**
   * Writes {@code p = softmax(B·h)} into {@code ws.scores}; returns {@code log Σ e^{s−max} − (s_t − max)}.
   * The exponentials are taken on a double row of {@code ws.scratch} by the vectorised
   * {@link FastFloat#expNonPositive(double[], int, int, double)} (relative error below 2.5e-8) and summed
   * in double; a scalar {@code Math.exp} per label took about a tenth of the training time with 735
   * labels.
   */
  static double probabilities(Model m, Workspace ws, int target) {
    int k = m.outputRows();
    double[] e = ws.scratch;
    float[] p = ws.scores;
    Vectors.scores(m, ws.hidden, k, p);
    float max = FastFloat.widen(p, 0, k, e);
    double st = target >= 0 ? e[target] : 0.0;
    FastFloat.expNonPositive(e, 0, k, max);
    double z = FastFloat.sum(e, 0, k);
    double inv = 1.0 / z;
    for (int j = 0; j < k; j++) {
      p[j] = (float) (e[j] * inv);
    }
    return Math.log(z) - (st - max);
  }

  @Override
  public double update(Model m, int[] labels, int lo, int hi, float lr, Workspace ws) {
    int target = Head.drawLabel(labels, lo, hi, ws);
    double loss = probabilities(m, ws, target);
    int k = m.outputRows();
    int dim = m.dim();
    float[] p = ws.scores;
    for (int j = 0; j < k; j++) {
      float alpha = lr * ((j == target ? 1f : 0f) - p[j]);
      Vectors.step(m.outputRow(j), ws.hidden, ws.grad, alpha, dim);
    }
    return loss;
  }

  @Override
  public void predict(Model m, Workspace ws, int k, float threshold, Predictions out) {
    probabilities(m, ws, -1);
    collect(ws.scores, m.outputRows(), k, threshold, out);
  }

  /** fastText's findKBest over probabilities {@code p[0..n)}. */
  static void collect(float[] p, int n, int k, float threshold, Predictions out) {
    out.reset(k);
    for (int j = 0; j < n; j++) {
      if (p[j] < threshold) {
        continue;
      }
      float s = Head.stdLog(p[j]);
      if (out.full() && s < out.worst()) {
        continue;
      }
      out.offer(s, j);
    }
    out.sort();
  }
}
