package dev.losslab.unit;

import dev.losslab.math.Erf;

/**
 * The exact (erf) GELU {@code x·Φ(x)} with {@code Φ(x) = ½ erfc(−x/√2)} the standard normal CDF
 * (Hendrycks and Gimpel 2016; PyTorch {@code GELU(approximate='none')}). Derivative
 * {@code Φ(x) + x·φ(x)} with {@code φ(x) = e^{−x²/2}/√(2π)}.
 *
 * <p>{@code Φ} is taken from {@link Erf#erfc} rather than {@code 1 + erf}, so the left tail keeps full
 * relative precision (GELU(−10) ≈ −7.6e-23, not 0 or noise). Finite for every finite input: 0 (−0) far
 * below 0, {@code x} far above. NaN gives NaN.
 */
public final class Gelu implements Activation {
  private static final double INV_SQRT2 = 0.7071067811865476;
  private static final double INV_SQRT_2PI = 0.3989422804014327;

  @Override
  public String name() {
    return "gelu";
  }

  @Override
  public double value(double x) {
    return x * cdf(x);
  }

  @Override
  public double derivative(double x, double y) {
    double a = Math.abs(x);
    double pdf = a > 40 ? 0.0 : INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    return cdf(x) + x * pdf;
  }

  /** The standard normal CDF {@code Φ(x)}. */
  static double cdf(double x) {
    return 0.5 * Erf.erfc(-x * INV_SQRT2);
  }

  @Override
  public String toString() {
    return name();
  }
}
