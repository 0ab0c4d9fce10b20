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
  /**
   * {@code log cosh x}, without overflow for any finite {@code x} and with full relative precision near
   * 0: {@code log1p(2 sinh²(x/2))} for {@code |x| < 1}, {@code |x| + log1p(e^{−2|x|}) − log 2} beyond.
   * Its derivative is {@code tanh x}.
   */
  public static double logCosh(double x) {
    double a = Math.abs(x);
    if (a < 1) {
      double h = Math.sinh(0.5 * a);
      return Math.log1p(2 * h * h);
    }
    return (a - LN2) + Math.log1p(Math.exp(-2 * a));
  }

  /**
   * {@code log(1 − e^x)} for {@code x ≤ 0}, accurate on both sides of {@code −log 2} (Mächler 2012):
   * {@code log(−expm1(x))} near 0, {@code log1p(−e^x)} further out. {@code x = 0} gives {@code −∞}.
   */
  public static double log1mExp(double x) {
    return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }

  /** {@code log 2}. */
  public static final double LN2 = 0.6931471805599453;
}
