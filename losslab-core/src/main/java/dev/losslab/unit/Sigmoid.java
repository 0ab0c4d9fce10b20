package dev.losslab.unit;

import dev.losslab.math.Stable;

/**
 * The logistic function {@code σ(x) = 1/(1 + e^{−x})}, {@code σ'(x) = σ(x)σ(−x)} (seed 002 §6.2.1).
 *
 * <p>Computed without overflow for every input ({@code e^{−|x|}} only); the derivative uses
 * {@code σ(x)σ(−x)} rather than {@code y(1 − y)}, so it keeps full relative precision in both tails
 * (it is {@code e^{−|x|}} to within rounding for large {@code |x|}, and exactly 0 beyond ≈ ±745). NaN gives NaN.
 */
public final class Sigmoid implements Activation {

  @Override
  public String name() {
    return "sigmoid";
  }

  @Override
  public double value(double x) {
    return Stable.sigmoid(x);
  }

  @Override
  public double derivative(double x, double y) {
    return Stable.sigmoid(x) * Stable.sigmoid(-x);
  }

  @Override
  public String toString() {
    return name();
  }
}
