package dev.losslab.unit;

/**
 * The leaky rectifier {@code x} for {@code x > 0}, {@code slope·x} otherwise (PyTorch {@code LeakyReLU},
 * default slope 0.01). Derivative 1 above 0 and {@code slope} at and below 0 (PyTorch's choice at the
 * kink). NaN gives NaN.
 *
 * @param slope the slope for negative inputs, finite and ≥ 0
 */
public record LeakyRelu(double slope) implements Activation {
  /** PyTorch's default slope. */
  public static final double DEFAULT_SLOPE = 0.01;

  /** Validates the slope. */
  public LeakyRelu {
    if (!(slope >= 0 && slope < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("slope (" + slope + ") must be finite and >= 0");
    }
  }

  /** Leaky ReLU with slope 0.01. */
  public LeakyRelu() {
    this(DEFAULT_SLOPE);
  }

  @Override
  public String name() {
    return "leaky-relu";
  }

  @Override
  public double value(double x) {
    return x > 0 ? x : slope * x;
  }

  @Override
  public double derivative(double x, double y) {
    return x > 0 ? 1.0 : slope;
  }
}
