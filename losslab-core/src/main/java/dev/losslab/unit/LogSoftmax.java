package dev.losslab.unit;

import dev.losslab.math.Stable;

/**
 * The log-softmax output unit {@code a_j = s_j − max − log Σ_i e^{s_i − max}}, in that order of
 * operations (PyTorch's, pytorch#11752), so equal large scores {@code [1e17, 1e17]} give exactly
 * {@code −log 2}. Finite for every finite input; NaN gives NaN.
 *
 * <p>Backward, O(k): {@code Jᵀu = u − p·Σ_i u_i} with {@code p = e^a} the softmax.
 */
public final class LogSoftmax implements OutputUnit {

  @Override
  public String name() {
    return "log-softmax";
  }

  @Override
  public void forward(double[] s, int so, int k, double[] out, int oo) {
    Stable.logSoftmax(s, so, k, out, oo);
  }

  @Override
  public void backward(double[] s, int so, double[] a, int ao, int k, double[] u, int uo, double[] ds,
      int dso) {
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += u[uo + j];
    }
    for (int j = 0; j < k; j++) {
      ds[dso + j] = u[uo + j] - Math.exp(a[ao + j]) * sum;
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
