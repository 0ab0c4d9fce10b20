package dev.losslab.loss;

/**
 * {@code l2}: the L2 divergence {@code ½‖s − y‖²} per example (seed 002 §6.6.1), gradient
 * {@code s − y}; {@code mean} averages over examples (so it is {@code K/2} times {@code mse}'s mean).
 * This is optax's {@code l2_loss} summed over the row; DL4J's {@code LossL2} omits the ½.
 *
 * <p>Expected output unit: identity; {@code softmax-l2} gives the seed's L2 divergence on a softmax
 * through the Jacobian-vector path. Targets: a dense row of finite reals or a label read as one-hot.
 * Smooth; where the square overflows ({@code |s − y| ≳ 1.3e154}) the value is {@code +∞}, never NaN.
 */
public final class HalfSquaredError implements Loss {

  @Override
  public String name() {
    return "l2";
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
      g[go + j] = d;
    }
    return 0.5 * sum;
  }

  @Override
  public String toString() {
    return name();
  }
}
