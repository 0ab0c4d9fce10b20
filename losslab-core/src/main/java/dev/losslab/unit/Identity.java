package dev.losslab.unit;

/**
 * The identity {@code f(x) = x}, {@code f'(x) = 1}: the output unit of regression losses (seed 002 §6.2.2).
 * NaN and ±∞ pass through unchanged.
 */
public final class Identity implements Activation {

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public double value(double x) {
    return x;
  }

  @Override
  public double derivative(double x, double y) {
    return 1.0;
  }

  @Override
  public String toString() {
    return name();
  }
}
