package dev.losslab.data;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generated 1-D regression with skewed, heteroscedastic noise whose conditional mean and median are known
 * in closed form, for seed 001 §1.2.1 (squared error learns the conditional mean, absolute error the
 * median):
 *
 * <pre>
 *   x ~ U(0, 1),   y = a + b·x + (c + d·x)·ε
 *   E[y | x]      = a + b·x + (c + d·x)·E[ε]
 *   median[y | x] = a + b·x + (c + d·x)·median(ε)       (c + d·x > 0, so scaling keeps the median)
 * </pre>
 *
 * with {@code ε ~ Exp(1)} (mean 1, median ln 2) or {@code ε = exp(σZ)}, {@code Z ~ N(0, 1)}
 * (log-normal: mean {@code e^{σ²/2}}, median 1). Both statistics are linear in {@code x}, so a network
 * with a linear output and no hidden layer can represent each exactly, and the two fits differ by a
 * known line.
 *
 * @param noise the distribution of ε
 * @param intercept a
 * @param slope b
 * @param noiseBase c > 0, the noise scale at x = 0
 * @param noiseSlope d, with c + d > 0 (the noise scale at x = 1)
 * @param sigma σ > 0 of the log-normal noise (unused for exponential noise)
 */
public record SkewedRegression(Noise noise, double intercept, double slope, double noiseBase,
    double noiseSlope, double sigma) {

  /** The distribution of ε. */
  public enum Noise {
    /** {@code ε ~ Exp(1)}: mean 1, median ln 2. */
    EXPONENTIAL,
    /** {@code ε = exp(σZ)}: mean {@code e^{σ²/2}}, median 1. */
    LOG_NORMAL
  }

  /** Checks every parameter; the message names it and its value. */
  public SkewedRegression {
    java.util.Objects.requireNonNull(noise, "noise");
    if (!Double.isFinite(intercept) || !Double.isFinite(slope)) {
      throw new IllegalArgumentException(
          "intercept (" + intercept + ") and slope (" + slope + ") must be finite");
    }
    if (!(noiseBase > 0) || !Double.isFinite(noiseBase + noiseSlope) || !(noiseBase + noiseSlope > 0)) {
      throw new IllegalArgumentException("noise scale must be > 0 on [0, 1]: noise base ("
          + noiseBase + ") and noise base + noise slope (" + (noiseBase + noiseSlope) + ")");
    }
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma (" + sigma + ") must be > 0 and finite");
    }
  }

  /** {@code y = 1 + 2x + (0.5 + x)·ε}, ε ~ Exp(1). */
  public static SkewedRegression defaults() {
    return new SkewedRegression(Noise.EXPONENTIAL, 1.0, 2.0, 0.5, 1.0, 1.0);
  }

  /** {@code E[ε]}. */
  public double noiseMean() {
    return noise == Noise.EXPONENTIAL ? 1.0 : Math.exp(0.5 * sigma * sigma);
  }

  /** {@code median(ε)}. */
  public double noiseMedian() {
    return noise == Noise.EXPONENTIAL ? Math.log(2.0) : 1.0;
  }

  /** The true conditional mean {@code E[y | x]}. */
  public double mean(double x) {
    return intercept + slope * x + (noiseBase + noiseSlope * x) * noiseMean();
  }

  /** The true conditional median {@code median[y | x]}. */
  public double median(double x) {
    return intercept + slope * x + (noiseBase + noiseSlope * x) * noiseMedian();
  }

  /** {@code n} examples drawn with {@code seed}: one feature x, one target y. */
  public DenseDataset generate(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("examples (" + n + ") must be ≥ 1");
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      float xi = (float) random.nextDouble();
      double eps = noise == Noise.EXPONENTIAL
          ? -Math.log(1.0 - random.nextDouble())
          : Math.exp(sigma * GaussianClusters.gaussian(random));
      x[i] = xi;
      y[i] = intercept + slope * xi + (noiseBase + noiseSlope * xi) * eps;
    }
    String name = String.format(Locale.ROOT,
        "skewed-regression(%s, y = %s + %s·x + (%s + %s·x)·ε, seed=%d)",
        noise.name().toLowerCase(Locale.ROOT), intercept, slope, noiseBase, noiseSlope, seed);
    return DenseDataset.regression(name, x, n, 1, y, 1);
  }
}
