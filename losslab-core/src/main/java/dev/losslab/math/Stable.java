package dev.losslab.math;

/**
 * Numerically stable building blocks: log-sum-exp with a max shift, softplus, log-sigmoid and
 * {@code x·log x} with {@code 0·log 0 = 0}. Each is accurate for every finite input whose true result is
 * representable in double.
 */
public final class Stable {
  private Stable() {}

  /** {@code log Σ exp(x[o..o+k))}, shifted by the maximum; {@code -∞} for {@code k = 0}. */
  public static double logSumExp(double[] x, int o, int k) {
    if (k == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double max = x[o];
    for (int j = 1; j < k; j++) {
      if (x[o + j] > max) {
        max = x[o + j];
      }
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += Math.exp(x[o + j] - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Log-softmax into {@code out[oo..oo+k)}, computed as {@code x − max − log Σ exp(x − max)} so that
   * equal large scores ({@code [1e17, 1e17]}) give exactly {@code −log 2}.
   */
  public static void logSoftmax(double[] x, int o, int k, double[] out, int oo) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, x[o + j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += Math.exp(x[o + j] - max);
    }
    double logSum = Math.log(sum);
    for (int j = 0; j < k; j++) {
      out[oo + j] = (x[o + j] - max) - logSum;
    }
  }

  /** Softmax into {@code out[oo..oo+k)}, max-shifted. {@code out} may alias {@code x}. */
  public static void softmax(double[] x, int o, int k, double[] out, int oo) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, x[o + j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double e = Math.exp(x[o + j] - max);
      out[oo + j] = e;
      sum += e;
    }
    double inv = 1.0 / sum;
    for (int j = 0; j < k; j++) {
      out[oo + j] *= inv;
    }
  }

  /** {@code log(1 + e^x)} as {@code max(x, 0) + log1p(e^{−|x|})}. */
  public static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** {@code log σ(x) = −softplus(−x)}. */
  public static double logSigmoid(double x) {
    return -softplus(-x);
  }

  /** The logistic function, without overflow for any input. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** {@code x · log y} with the convention {@code 0 · log y = 0} (also for {@code y = 0}). */
  public static double xlogy(double x, double y) {
    return x == 0 ? 0.0 : x * Math.log(y);
  }
}
