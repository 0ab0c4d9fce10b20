package dev.losslab.unit;

import dev.losslab.math.Stable;

/**
 * {@code softplus(x) = log(1 + e^x)}, computed as {@code max(x, 0) + log1p(e^{−|x|})}; its derivative is
 * {@code σ(x)}. Finite for every finite input (it equals {@code x} beyond ≈ 37 and underflows gracefully
 * below −745). NaN gives NaN.
 */
public final class Softplus implements Activation {

  @Override
  public String name() {
    return "softplus";
  }

  @Override
  public double value(double x) {
    return Stable.softplus(x);
  }

  @Override
  public double derivative(double x, double y) {
    return Stable.sigmoid(x);
  }

  @Override
  public String toString() {
    return name();
  }
}
