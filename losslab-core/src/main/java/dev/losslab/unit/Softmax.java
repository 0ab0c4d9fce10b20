package dev.losslab.unit;

import dev.losslab.math.Stable;

/**
 * The softmax output unit {@code p_j = e^{s_j} / Σ_i e^{s_i}} (seed 000 §3, seed 002 §6.2.2), max-shifted
 * so no exponential overflows: finite for every finite input, exactly 0 for scores more than ≈ 745 below
 * the maximum.
 *
 * <p>Its Jacobian {@code J = diag(p) − p pᵀ} is never formed: the backward pass is the O(k)
 * Jacobian-vector product {@code Jᵀu = p ⊙ (u − ⟨p, u⟩)}. With saturated scores (one {@code p_j} = 1)
 * it is exactly zero, which is the vanishing gradient of MSE after a softmax. NaN scores give NaN.
 */
public final class Softmax implements OutputUnit {

  @Override
  public String name() {
    return "softmax";
  }

  @Override
  public void forward(double[] s, int so, int k, double[] out, int oo) {
    Stable.softmax(s, so, k, out, oo);
  }

  @Override
  public void backward(double[] s, int so, double[] a, int ao, int k, double[] u, int uo, double[] ds,
      int dso) {
    double dot = 0;
    for (int j = 0; j < k; j++) {
      dot += a[ao + j] * u[uo + j];
    }
    for (int j = 0; j < k; j++) {
      ds[dso + j] = a[ao + j] * (u[uo + j] - dot);
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
