package dev.losslab.loss;

/**
 * {@code rescaled-mse}: the rescaled square loss of Hui &amp; Belkin 2021 for classification with many
 * classes, per element {@code L_j = w_j·(s_j − M·[j = y])²} with {@code w_y = k} and {@code w_j = 1}
 * elsewhere: the label's error weighted by {@code k} and its target raised to {@code M}. k = M = 1 is
 * {@code mse} on the one-hot label. Gradient {@code 2·w_j·(s_j − M·[j = y])}.
 *
 * <p>Element-wise as {@code mse}: {@code mean} divides by {@code n·K} (the paper's {@code 1/C} per
 * example), {@code none} gives {@code n × K} values. Labels only. Expected output unit: identity (raw
 * scores). Smooth everywhere; where the square overflows ({@code |s − M| ≳ 1.3e154/√k}) the value is
 * {@code +∞} (the true value is not representable), never NaN.
 */
public final class RescaledSquaredError implements Loss {

  /**
   * Options of {@code rescaled-mse}.
   *
   * @param k the weight of the label's element, finite and &gt; 0 (default 1)
   * @param M the target of the label's element, finite and &gt; 0 (default 1)
   */
  public record Options(double k, double M) {
    /** Validates k and M. */
    public Options {
      LossOptions.positive("k", k);
      LossOptions.positive("M", M);
    }
  }

  private final double labelWeight;
  private final double labelTarget;

  /** The rescaled square loss with the given options. */
  public RescaledSquaredError(Options options) {
    this.labelWeight = options.k();
    this.labelTarget = options.M();
  }

  /** The rescaled square loss with k = M = 1 ({@code mse} on labels). */
  public RescaledSquaredError() {
    this(new Options(1.0, 1.0));
  }

  @Override
  public String name() {
    return "rescaled-mse";
  }

  @Override
  public boolean elementwise() {
    return true;
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requireLabels(name(), target, n, k);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    int y = t.label(row);
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double d = j == y ? s[so + j] - labelTarget : s[so + j];
      double w = j == y ? labelWeight : 1.0;
      sum += w * d * d;
      g[go + j] = 2 * w * d;
    }
    return sum;
  }

  @Override
  public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    int y = t.label(row);
    for (int j = 0; j < k; j++) {
      double d = j == y ? s[so + j] - labelTarget : s[so + j];
      out[oo + j] = (j == y ? labelWeight : 1.0) * d * d;
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
