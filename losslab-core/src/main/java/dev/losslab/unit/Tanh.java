package dev.losslab.unit;

/**
 * The hyperbolic tangent, {@code tanh'(x) = 1 − tanh²(x)}. Saturates to ±1 without overflow; the
 * derivative is computed as {@code 1/cosh²(x)} (4e^{−2|x|} in the tails, 0 beyond |x| ≈ 355), which keeps
 * full relative precision where {@code 1 − y²} would cancel. NaN gives NaN.
 */
public final class Tanh implements Activation {

  @Override
  public String name() {
    return "tanh";
  }

  @Override
  public double value(double x) {
    return Math.tanh(x);
  }

  @Override
  public double derivative(double x, double y) {
    double a = Math.abs(x);
    if (a < 1) {
      return 1 - y * y;
    }
    if (a > 355) {
      return 0.0;
    }
    double e = Math.exp(-2 * a);
    double d = 1 + e;
    return 4 * e / (d * d);
  }

  @Override
  public String toString() {
    return name();
  }
}
