package dev.losslab.loss;

/**
 * The max-shifted exponentials shared by the softmax losses: {@code e_j = e^{s_j − max}}, with the
 * maximal class contributing exactly 1, and the sum of the others, so {@code log Σ_j e_j} can be taken
 * as {@code log1p(rest)} (pytorch#113708: the dominant class keeps its precision).
 */
final class SoftmaxParts {
  private SoftmaxParts() {}

  /** Writes {@code e^{s_j − max}} to {@code e[eo..eo+k)}; returns the index of the (first) maximum. */
  static int exponentials(double[] s, int so, int k, double[] e, int eo) {
    int m = 0;
    double max = s[so];
    for (int j = 1; j < k; j++) {
      if (s[so + j] > max) {
        max = s[so + j];
        m = j;
      }
    }
    for (int j = 0; j < k; j++) {
      e[eo + j] = Math.exp(s[so + j] - max);
    }
    return m;
  }

  /** {@code Σ_{j ≠ m} e_j}. */
  static double rest(double[] e, int eo, int k, int m) {
    double rest = 0;
    for (int j = 0; j < k; j++) {
      if (j != m) {
        rest += e[eo + j];
      }
    }
    return rest;
  }

  /**
   * {@code Σ_{j≠y} e_j}: with {@code inv = 1/Σ_j e_j}, {@code others·inv} is {@code 1 − p_y} summed from
   * the other classes, so a confident correct example keeps its tiny {@code 1 − p_y} instead of
   * rounding {@code 1 − 0.99999…} (equal to {@link #rest} when {@code y} is the maximum).
   */
  static double others(double[] e, int eo, int k, int y) {
    double sum = 0;
    for (int j = 0; j < k; j++) {
      if (j != y) {
        sum += e[eo + j];
      }
    }
    return sum;
  }

  /**
   * Log-softmax into {@code out} and softmax into {@code p} (both may be the same array only if the
   * regions differ); returns the argmax.
   */
  static int logSoftmax(double[] s, int so, int k, double[] out, int oo, double[] p, int po) {
    int m = exponentials(s, so, k, p, po);
    double max = s[so + m];
    double rest = rest(p, po, k, m);
    double logSum = Math.log1p(rest);
    double inv = 1.0 / (1.0 + rest);
    for (int j = 0; j < k; j++) {
      out[oo + j] = (s[so + j] - max) - logSum;
      p[po + j] *= inv;
    }
    return m;
  }
}
