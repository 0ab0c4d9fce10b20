package dev.losslab.unit;

/**
 * The exponential linear unit {@code x} for {@code x > 0}, {@code α(e^x − 1)} otherwise (PyTorch
 * {@code ELU}, default α = 1), computed with {@code expm1} so that small negative inputs keep full
 * precision. Derivative 1 above 0 and {@code α e^x} at and below 0 (for α = 1 continuous: no kink).
 * Finite for every finite input (→ −α below). NaN gives NaN.
 *
 * @param alpha the negative saturation value, finite and ≥ 0
 */
public record Elu(double alpha) implements Activation {

  /** Validates alpha. */
  public Elu {
    if (!(alpha >= 0 && alpha < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("alpha (" + alpha + ") must be finite and >= 0");
    }
  }

  /** ELU with α = 1. */
  public Elu() {
    this(1.0);
  }

  @Override
  public String name() {
    return "elu";
  }

  @Override
  public double value(double x) {
    return x > 0 ? x : alpha * Math.expm1(x);
  }

  @Override
  public double derivative(double x, double y) {
    return x > 0 ? 1.0 : alpha * Math.exp(x);
  }
}
