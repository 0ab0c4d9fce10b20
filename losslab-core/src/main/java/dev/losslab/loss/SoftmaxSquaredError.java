package dev.losslab.loss;

import dev.losslab.loss.kernel.FloatLoss;
import dev.losslab.loss.kernel.FusedFloat;

/**
 * {@code softmax-mse}: squared error after a softmax, {@code (y_j − p_j)²} per element with
 * {@code p = softmax(s)} (seed 000 §3); the {@code mean} over an example's {@code K} elements is the
 * seed's {@code (1/K)‖y − softmax(s)‖²}.
 *
 * <p>Gradient through the full softmax Jacobian {@code J = diag(p) − p pᵀ}, applied as the O(K)
 * product {@code Jᵀu = p ⊙ (u − ⟨p, u⟩)} with {@code u = 2(p − y)}; never a K × K matrix. Saturation is
 * real, not a bug: at {@code s = [1000, 0, −1000]}, {@code y = e_1} the value is 2 (mean 2/3) and the
 * gradient is exactly 0. The softmax is max-shifted, so the value is finite for every finite score.
 * Element-wise: {@code mean} divides by {@code n·K}. Targets: dense finite rows or labels (one-hot).
 */
public final class SoftmaxSquaredError implements Loss, FloatLoss {

  @Override
  public String name() {
    return "softmax-mse";
  }

  @Override
  public boolean elementwise() {
    return true;
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requireLabelsOrFinite(target, n, k);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    softmax(s, so, k, g, go);
    double value = 0;
    double dot = 0;
    for (int j = 0; j < k; j++) {
      double p = g[go + j];
      double d = p - t.value(row, j);
      value += d * d;
      dot += p * d;
    }
    for (int j = 0; j < k; j++) {
      double p = g[go + j];
      double d = p - t.value(row, j);
      g[go + j] = 2 * p * (d - dot);
    }
    return value;
  }

  @Override
  public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    softmax(s, so, k, out, oo);
    for (int j = 0; j < k; j++) {
      double d = out[oo + j] - t.value(row, j);
      out[oo + j] = d * d;
    }
  }

  private static void softmax(double[] s, int so, int k, double[] p, int po) {
    int m = SoftmaxParts.exponentials(s, so, k, p, po);
    double inv = 1.0 / (1.0 + SoftmaxParts.rest(p, po, k, m));
    for (int j = 0; j < k; j++) {
      p[po + j] *= inv;
    }
  }

  @Override
  public double evaluate(float[] s, int so, int k, Target t, int row, float[] g, int go,
      double[] scratch, float scale) {
    return t.hasLabels()
        ? FusedFloat.softmaxSquared(s, so, k, null, 0, t.label(row), g, go, scratch, scale)
        : FusedFloat.softmaxSquared(s, so, k, t.values(), t.offset(row), -1, g, go, scratch, scale);
  }

  @Override
  public String toString() {
    return name();
  }
}
