package dev.losslab.unit;

/**
 * The exponential {@code e^x}, its own derivative: the output unit of the exp-MSE loss (seed 000 §4) and
 * of Poisson regression. It overflows to {@code +∞} above ≈ 709.78, where the true value is not
 * representable; −∞ gives 0; NaN gives NaN.
 */
public final class Exponential implements Activation {

  @Override
  public String name() {
    return "exp";
  }

  @Override
  public double value(double x) {
    return Math.exp(x);
  }

  @Override
  public double derivative(double x, double y) {
    return y;
  }

  @Override
  public String toString() {
    return name();
  }
}
