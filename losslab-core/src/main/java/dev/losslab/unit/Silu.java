package dev.losslab.unit;

import dev.losslab.math.Stable;

/**
 * The SiLU (swish) {@code x·σ(x)}, derivative {@code σ(x)(1 + x·σ(−x))}. Finite for every finite input:
 * 0 (or −0) far below 0, {@code x} far above. NaN gives NaN.
 */
public final class Silu implements Activation {

  @Override
  public String name() {
    return "silu";
  }

  @Override
  public double value(double x) {
    return x * Stable.sigmoid(x);
  }

  @Override
  public double derivative(double x, double y) {
    return Stable.sigmoid(x) * (1 + x * Stable.sigmoid(-x));
  }

  @Override
  public String toString() {
    return name();
  }
}
