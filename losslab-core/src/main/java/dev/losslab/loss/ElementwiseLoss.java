package dev.losslab.loss;

/**
 * Base of the element-wise losses {@code L = Σ_j ℓ(s_j, y_j)} (PyTorch's element-wise losses): a
 * subclass gives the scalar {@code ℓ} and {@code ∂ℓ/∂s}; this class loops, reports {@code n × K} values
 * for reduction {@code none} and a mean weight of {@code K} (so {@code mean} divides by {@code n·K}).
 * Targets: a dense row of finite reals, or a label read as a one-hot row; a subclass may narrow that in
 * {@link #validate}. Users can extend it for their own element-wise loss.
 */
public abstract class ElementwiseLoss implements Loss {

  /** The element's value {@code ℓ(s, y)}. */
  protected abstract double value(double s, double y);

  /** The element's derivative {@code ∂ℓ/∂s} at {@code (s, y)}. */
  protected abstract double derivative(double s, double y);

  @Override
  public final boolean elementwise() {
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
      double y = t.value(row, j);
      sum += value(s[so + j], y);
      g[go + j] = derivative(s[so + j], y);
    }
    return sum;
  }

  @Override
  public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    for (int j = 0; j < k; j++) {
      out[oo + j] = value(s[so + j], t.value(row, j));
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
