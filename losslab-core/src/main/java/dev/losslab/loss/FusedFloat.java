package dev.losslab.loss;

import dev.losslab.math.FastFloat;

/**
 * The fused float loops of the four benchmarked losses used to train (cross-entropy with labels,
 * binary-cross-entropy, mse, softmax-mse): one example, primitive arrays, no allocation, as few passes
 * over the row as the formula allows, writing the gradient already multiplied by the reduction's
 * {@code scale}. Exponentials and {@code log1p} come from the float kernels of
 * {@link FastFloat} (≈ 3e-7 relative); sums are accumulated in double; each loop is tested to stay
 * within 1e-5 (relative to the row's largest gradient entry) of the double path.
 */
final class FusedFloat {
  private FusedFloat() {}

  /** Cross-entropy with a label: value {@code log Σ e^{s−max} − (s_y − max)}, gradient {@code p − e_y}. */
  static double crossEntropy(float[] s, int so, int k, int y, int ignoreIndex, float[] g, int go,
      float scale) {
    if (y == ignoreIndex) {
      java.util.Arrays.fill(g, go, go + k, 0f);
      return 0.0;
    }
    float max = s[so];
    for (int j = 1; j < k; j++) {
      max = Math.max(max, s[so + j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      float e = FastFloat.expNonPositive(s[so + j] - max);
      g[go + j] = e;
      sum += e;
    }
    // p_y − 1 = (e_y − Σ)/Σ: for the maximal class e_y = 1 exactly and Σ − 1 is the sum of the others,
    // so a confident example keeps the relative precision of its small gradient
    double gy = (g[go + y] - sum) / sum;
    float inv = (float) (scale / sum);
    for (int j = 0; j < k; j++) {
      g[go + j] *= inv;
    }
    g[go + y] = (float) (scale * gy);
    return Math.log(sum) - ((double) s[so + y] - max);
  }

  /** Squared error {@code Σ(s − y)²}, gradient {@code 2(s − y)}; {@code label ≥ 0} for one-hot. */
  static double squaredError(float[] s, int so, int k, double[] y, int yo, int label, float[] g, int go,
      float scale) {
    float twoScale = 2f * scale;
    double sum = 0;
    if (y == null) {
      for (int j = 0; j < k; j++) {
        float d = j == label ? s[so + j] - 1f : s[so + j];
        sum += (double) d * d;
        g[go + j] = twoScale * d;
      }
    } else {
      for (int j = 0; j < k; j++) {
        double d = s[so + j] - y[yo + j];
        sum += d * d;
        g[go + j] = (float) (twoScale * d);
      }
    }
    return sum;
  }

  /**
   * Binary cross-entropy from logits, unweighted: {@code Σ softplus(s) − y·s}, gradient
   * {@code σ(s) − y}, formed as {@code (1 − y)σ(s) − yσ(−s)}.
   */
  static double binaryCrossEntropy(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, float scale) {
    double sum = 0;
    for (int j = 0; j < k; j++) {
      float x = s[so + j];
      float t = y == null ? (j == label ? 1f : 0f) : (float) y[yo + j];
      float e = FastFloat.expNonPositive(-Math.abs(x));
      // (1 − t)·σ(x) − t·σ(−x) rather than σ(x) − t: no cancellation when t = 1 and σ(x) ≈ 1
      float inv = 1f / (1f + e);
      float sigPos = (x >= 0 ? 1f : e) * inv;
      float sigNeg = (x >= 0 ? e : 1f) * inv;
      sum += (double) (Math.max(x, 0f) - t * x) + FastFloat.log1pUnit(e);
      g[go + j] = ((1f - t) * sigPos - t * sigNeg) * scale;
    }
    return sum;
  }

  /**
   * Squared error on the softmax {@code Σ(p − y)²}, gradient {@code p ⊙ (u − ⟨p, u⟩)} with
   * {@code u = 2(p − y)}; {@code label ≥ 0} for one-hot. The probabilities live in the double
   * {@code scratch} (length ≥ k): {@code u − ⟨p, u⟩} cancels when the softmax saturates, and float
   * probabilities would leave only ~1e-8 absolute precision there.
   */
  static double softmaxSquared(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, double[] p, float scale) {
    float max = s[so];
    for (int j = 1; j < k; j++) {
      max = Math.max(max, s[so + j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      float e = FastFloat.expNonPositive(s[so + j] - max);
      p[j] = e;
      sum += e;
    }
    double inv = 1.0 / sum;
    double value = 0;
    double dot = 0;
    for (int j = 0; j < k; j++) {
      double pj = p[j] * inv;
      p[j] = pj;
      double d = y == null ? (j == label ? pj - 1.0 : pj) : pj - y[yo + j];
      value += d * d;
      dot += pj * d;
    }
    double twoScale = 2.0 * scale;
    for (int j = 0; j < k; j++) {
      double pj = p[j];
      double d = y == null ? (j == label ? pj - 1.0 : pj) : pj - y[yo + j];
      g[go + j] = (float) (twoScale * pj * (d - dot));
    }
    return value;
  }
}
