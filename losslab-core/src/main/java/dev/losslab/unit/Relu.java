package dev.losslab.unit;

/**
 * The rectifier {@code max(0, x)}, derivative 1 for {@code x > 0} and 0 for {@code x ≤ 0}: the
 * subgradient 0 at the kink {@code x = 0}, as PyTorch. NaN gives NaN.
 */
public final class Relu implements Activation {

  @Override
  public String name() {
    return "relu";
  }

  @Override
  public double value(double x) {
    return x > 0 ? x : (x <= 0 ? 0.0 : x);
  }

  @Override
  public double derivative(double x, double y) {
    return x > 0 ? 1.0 : 0.0;
  }

  @Override
  public String toString() {
    return name();
  }
}
