package dev.losslab.loss;

/**
 * {@code mse}: {@code L = (1/K)‖y − s‖²} per example (seed 000 §2), gradient {@code (2/K)(s − y)}.
 *
 * <p>Expected output unit: identity (for MSE after a sigmoid or softmax use {@code sigmoid-mse} or
 * {@code softmax-mse}). Targets: a dense row of reals, or a label read as a one-hot row. Reductions:
 * {@code mean} divides by the number of examples, which equals PyTorch's {@code MSELoss()} mean over all
 * elements; {@code sum} and {@code none} are per example as the seed defines it, so PyTorch's
 * {@code reduction='sum'} is {@code K} times our sum. Smooth everywhere; where {@code (s − y)²}
 * overflows (|s − y| ≳ 1.3e154) the value is {@code +∞} (the true value is not representable), never NaN.
 */
public final class MeanSquaredError implements Loss {

  @Override
  public String name() {
    return "mse";
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requireLabelsOrFinite(target, n, k);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    double invK = 1.0 / k;
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double d = s[so + j] - t.value(row, j);
      sum += d * d;
      g[go + j] = 2 * invK * d;
    }
    return sum * invK;
  }

  @Override
  public double evaluate(float[] s, int so, int k, Target t, int row, float[] g, int go,
      double[] scratch) {
    return t.hasLabels()
        ? FusedFloat.meanSquared(s, so, k, null, 0, t.label(row), g, go)
        : FusedFloat.meanSquared(s, so, k, t.values(), t.offset(row), -1, g, go);
  }

  @Override
  public String toString() {
    return name();
  }
}
