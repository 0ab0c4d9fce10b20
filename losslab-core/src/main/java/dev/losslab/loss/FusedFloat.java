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

  /**
   * Cross-entropy with a label: value {@code log Σ e^{s−max} − (s_y − max)}, gradient {@code p − e_y}.
   * The exponentials live in the double {@code e} (length ≥ k), where {@link FastFloat#expNonPositive(
   * double[], int, int)} computes them in one vectorised loop.
   */
  static double crossEntropy(float[] s, int so, int k, int y, int ignoreIndex, float[] g, int go,
      double[] e, float scale) {
    if (y == ignoreIndex) {
      java.util.Arrays.fill(g, go, go + k, 0f);
      return 0.0;
    }
    float max = max(s, so, k);
    for (int j = 0; j < k; j++) {
      e[j] = (double) s[so + j] - max;
    }
    FastFloat.expNonPositive(e, 0, k);
    double sum = FastFloat.sum(e, 0, k);
    // p_y − 1 = (e_y − Σ)/Σ: for the maximal class e_y = 1 exactly and Σ − 1 is the sum of the others,
    // so a confident example keeps the relative precision of its small gradient
    double gy = (e[y] - sum) / sum;
    double inv = scale / sum;
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) (e[j] * inv);
    }
    g[go + y] = (float) (scale * gy);
    return Math.log(sum) - ((double) s[so + y] - max);
  }

  private static float max(float[] s, int so, int k) {
    float max = s[so];
    for (int j = 1; j < k; j++) {
      max = Math.max(max, s[so + j]);
    }
    return max;
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
   * {@code σ(s) − y}, formed as {@code (1 − y)σ(s) − yσ(−s)} so that nothing cancels when
   * {@code y = 1} and {@code σ(s) ≈ 1}. With {@code e = e^{−|s|}} (vectorised, in {@code scratch[0, k)}):
   * {@code softplus(s) = max(s, 0) + log(1 + e)}, {@code σ(s) = a/(1 + e)} and {@code σ(−s) = b/(1 + e)}
   * where {@code (a, b) = (1, e)} for {@code s ≥ 0} and {@code (e, 1)} otherwise. The sign is taken
   * without a branch, {@code h = min(max(s·1e300, 0), 1)} (0 or 1 for every float score, and at
   * {@code s = 0} both choices give 1), so the row loop has no branch and C2 vectorises it; the per-element
   * values go to {@code scratch[k, 2k)} and are summed after. {@code label ≥ 0} for one-hot.
   */
  static double binaryCrossEntropy(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, double[] scratch, float scale) {
    for (int j = 0; j < k; j++) {
      scratch[j] = -Math.abs((double) s[so + j]);
    }
    FastFloat.expNonPositive(scratch, 0, k);
    if (y != null) {
      for (int j = 0; j < k; j++) {
        double x = s[so + j];
        double t = y[yo + j];
        double e = scratch[j];
        double h = Math.min(Math.max(x * 1e300, 0.0), 1.0);
        double rest = 1 - e;
        double a = e + rest * h;
        double b = e + rest * (1 - h);
        g[go + j] = (float) (((1 - t) * a - t * b) * (scale / (1 + e)));
        scratch[k + j] = (Math.max(x, 0.0) - t * x) + FastFloat.log1pUnit(e);
      }
    } else {
      for (int j = 0; j < k; j++) {
        double x = s[so + j];
        double e = scratch[j];
        double h = Math.min(Math.max(x * 1e300, 0.0), 1.0);
        double a = e + (1 - e) * h;
        g[go + j] = (float) (a * (scale / (1 + e)));
        scratch[k + j] = Math.max(x, 0.0) + FastFloat.log1pUnit(e);
      }
      if (label >= 0 && label < k) {
        // t = 1 at the label: gradient −σ(−s), value softplus(s) − s = softplus(−s)
        double x = s[so + label];
        double e = scratch[label];
        g[go + label] = (float) (-(x >= 0 ? e : 1.0) * (scale / (1 + e)));
        scratch[k + label] = Math.max(-x, 0.0) + FastFloat.log1pUnit(e);
      }
    }
    return FastFloat.sum(scratch, k, 2 * k);
  }

  /**
   * Squared error on the softmax {@code Σ(p − y)²}, gradient {@code p ⊙ (u − ⟨p, u⟩)} with
   * {@code u = 2(p − y)}; {@code label ≥ 0} for one-hot. The probabilities live in the double
   * {@code scratch} (length ≥ k), exponentials from the vectorised
   * {@link FastFloat#expNonPositive(double[], int, int)}: {@code u − ⟨p, u⟩} cancels when the softmax
   * saturates, and float probabilities would leave only ~1e-8 absolute precision there.
   */
  static double softmaxSquared(float[] s, int so, int k, double[] y, int yo, int label, float[] g,
      int go, double[] p, float scale) {
    float max = max(s, so, k);
    for (int j = 0; j < k; j++) {
      p[j] = (double) s[so + j] - max;
    }
    FastFloat.expNonPositive(p, 0, k);
    double inv = 1.0 / FastFloat.sum(p, 0, k);
    for (int j = 0; j < k; j++) {
      p[j] *= inv;
    }
    double twoScale = 2.0 * scale;
    double value = 0;
    double dot = 0;
    if (y != null) {
      for (int j = 0; j < k; j++) {
        double d = p[j] - y[yo + j];
        value += d * d;
        dot += p[j] * d;
      }
      for (int j = 0; j < k; j++) {
        g[go + j] = (float) (twoScale * p[j] * ((p[j] - y[yo + j]) - dot));
      }
      return value;
    }
    // one-hot: the terms off the label are p_j² in both sums; the label's term is added apart so that a
    // confident example does not lose its small value to cancellation
    double off = 0;
    for (int j = 0; j < k; j++) {
      off += j == label ? 0 : p[j] * p[j];
    }
    double pl = label >= 0 && label < k ? p[label] : 0;
    double dl = pl - 1;
    value = off + dl * dl;
    dot = off + pl * dl;
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) (twoScale * p[j] * (p[j] - dot));
    }
    if (label >= 0 && label < k) {
      g[go + label] = (float) (twoScale * pl * (dl - dot));
    }
    return value;
  }
}
