package dev.losslab.unit;

import java.util.Objects;

/**
 * An output unit that applies an {@link Activation} to each score: {@code a_j = f(s_j)}, with the
 * diagonal Jacobian {@code ∂a_j/∂s_j = f'(s_j)}, so {@code Jᵀu = u ⊙ f'(s)} (seed 002 §6.2.2). Identity,
 * sigmoid and exp output units are of this kind; so is every activation used as an output.
 * NaN and ∞ behave as the activation's do.
 *
 * @param activation the scalar function
 */
public record ElementwiseUnit(Activation activation) implements OutputUnit {

  /** Checks the activation is present. */
  public ElementwiseUnit {
    Objects.requireNonNull(activation, "activation");
  }

  @Override
  public String name() {
    return activation.name();
  }

  @Override
  public void forward(double[] s, int so, int k, double[] out, int oo) {
    for (int j = 0; j < k; j++) {
      out[oo + j] = activation.value(s[so + j]);
    }
  }

  @Override
  public void backward(double[] s, int so, double[] a, int ao, int k, double[] u, int uo, double[] ds,
      int dso) {
    for (int j = 0; j < k; j++) {
      double d = activation.derivative(s[so + j], a[ao + j]);
      double uj = u[uo + j];
      // 0 · ∞ (a zero upstream gradient through an overflowed derivative) contributes nothing
      ds[dso + j] = uj == 0 ? 0.0 : uj * d;
    }
  }
}
