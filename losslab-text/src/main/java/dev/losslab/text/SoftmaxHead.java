package dev.losslab.text;

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

  /** Writes {@code p = softmax(B·h)} into {@code ws.scores}; returns {@code log Σ e^{s−max} − (s_t − max)}. */
  static double probabilities(Model m, Workspace ws, int target) {
    int k = m.outputRows();
    int dim = m.dim();
    float[] h = ws.hidden;
    float[] p = ws.scores;
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      float s = Vectors.dot(m.outputRow(j), 0, h, 0, dim);
      p[j] = s;
      if (s > max) {
        max = s;
      }
    }
    float st = target >= 0 ? p[target] : 0f;
    float z = 0f;
    for (int j = 0; j < k; j++) {
      float e = (float) Math.exp(p[j] - max);
      p[j] = e;
      z += e;
    }
    float inv = 1f / z;
    for (int j = 0; j < k; j++) {
      p[j] *= inv;
    }
    return Math.log(z) - ((double) st - max);
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
