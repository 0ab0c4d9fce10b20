package dev.losslab.loss;

import dev.losslab.loss.kernel.FloatLoss;
import dev.losslab.loss.kernel.FusedFloat;

/**
 * {@code mse}: the squared error {@code (s_j − y_j)²} per element, gradient {@code 2(s_j − y_j)}; its
 * {@code mean} over the {@code K} elements of an example is the seed's {@code (1/K)‖y − s‖²} with
 * gradient {@code (2/K)(s − y)} (seed 000 §2).
 *
 * <p>Element-wise as PyTorch's {@code MSELoss}: {@code mean} divides by {@code n·K}, {@code sum} adds
 * every element, {@code none} gives {@code n × K} values. Expected output unit: identity (for MSE after
 * a sigmoid or softmax use {@code sigmoid-mse} or {@code softmax-mse}). Targets: a dense row of finite
 * reals, or a label read as a one-hot row. Smooth everywhere; where {@code (s − y)²} overflows
 * ({@code |s − y| ≳ 1.3e154}) the value is {@code +∞} (the true value is not representable), never NaN.
 */
public final class MeanSquaredError implements Loss, FloatLoss {

  @Override
  public String name() {
    return "mse";
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
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double d = s[so + j] - t.value(row, j);
      sum += d * d;
      g[go + j] = 2 * d;
    }
    return sum;
  }

  @Override
  public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    for (int j = 0; j < k; j++) {
      double d = s[so + j] - t.value(row, j);
      out[oo + j] = d * d;
    }
  }

  @Override
  public double evaluate(float[] s, int so, int k, Target t, int row, float[] g, int go,
      double[] scratch, float scale) {
    return t.hasLabels()
        ? FusedFloat.squaredError(s, so, k, null, 0, t.label(row), g, go, scale)
        : FusedFloat.squaredError(s, so, k, t.values(), t.offset(row), -1, g, go, scale);
  }

  @Override
  public String toString() {
    return name();
  }
}
