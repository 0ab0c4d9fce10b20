package dev.losslab.loss;

import dev.losslab.loss.kernel.FloatLoss;
import dev.losslab.loss.kernel.FusedFloat;
import dev.losslab.math.Stable;

/**
 * {@code binary-cross-entropy}: sigmoid cross-entropy from logits per element, PyTorch's
 * {@code BCEWithLogitsLoss}. With target {@code y ∈ [0, 1]}, weight {@code w_j} and positive weight
 * {@code q_j} (both per class, default 1):
 * {@code L_j = w_j·[q_j·y·softplus(−s) + (1 − y)·softplus(s)]}, gradient
 * {@code w_j·[(1 − y)·σ(s) − q_j·y·σ(−s)]} (for {@code q = 1}: {@code σ(s) − y}).
 *
 * <p>The softplus form {@code softplus(x) = max(x, 0) + log1p(e^{−|x|})} is finite for every finite
 * logit ({@code s = 40, y = 0} gives 40, {@code s = −800, y = 1} gives 800) and {@code σ(−s)} is used
 * instead of {@code 1 − σ(s)} so the gradient of a confident correct example keeps its precision.
 * Element-wise: {@code mean} divides by {@code n·K}, {@code none} gives {@code n × K} values. Targets: a
 * dense row in [0, 1] or a label read as a one-hot row (multi-label with one positive).
 */
public final class SigmoidCrossEntropy implements Loss, FloatLoss {

  /**
   * Options of {@code binary-cross-entropy}.
   *
   * @param weight per-class weights (finite, ≥ 0) or {@code null}
   * @param posWeight per-class weights of the positive term (finite, ≥ 0) or {@code null}
   */
  public record Options(double[] weight, double[] posWeight) {
    /** Validates and copies. */
    public Options {
      weight = LossOptions.nonNegative("weight", weight);
      posWeight = LossOptions.nonNegative("posWeight", posWeight);
    }

    @Override
    public double[] weight() {
      return weight == null ? null : weight.clone();
    }

    @Override
    public double[] posWeight() {
      return posWeight == null ? null : posWeight.clone();
    }
  }

  private final double[] weight;
  private final double[] posWeight;

  /** Binary cross-entropy with the given options. */
  public SigmoidCrossEntropy(Options options) {
    this.weight = options.weight;
    this.posWeight = options.posWeight;
  }

  /** Unweighted binary cross-entropy. */
  public SigmoidCrossEntropy() {
    this(new Options(null, null));
  }

  @Override
  public String name() {
    return "binary-cross-entropy";
  }

  @Override
  public boolean elementwise() {
    return true;
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requirePerClass("weight", weight, k);
    Targets.requirePerClass("posWeight", posWeight, k);
    if (target.hasLabels()) {
      Targets.requireLabelsInRange(target, n, k, false, 0);
    } else {
      Targets.requireShape(target, n, k);
      Targets.requireUnitInterval(target, n, k);
    }
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double x = s[so + j];
      double y = t.value(row, j);
      double w = weight == null ? 1.0 : weight[j];
      double q = posWeight == null ? 1.0 : posWeight[j];
      double pos = q * y;
      double neg = 1 - y;
      sum += w * (pos * Stable.softplus(-x) + (neg == 0 ? 0.0 : neg * Stable.softplus(x)));
      g[go + j] = w * (neg * Stable.sigmoid(x) - pos * Stable.sigmoid(-x));
    }
    return sum;
  }

  @Override
  public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    for (int j = 0; j < k; j++) {
      double x = s[so + j];
      double y = t.value(row, j);
      double w = weight == null ? 1.0 : weight[j];
      double q = posWeight == null ? 1.0 : posWeight[j];
      out[oo + j] = w * (q * y * Stable.softplus(-x) + (1 - y) * Stable.softplus(x));
    }
  }

  @Override
  public double evaluate(float[] s, int so, int k, Target t, int row, float[] g, int go,
      double[] scratch, float scale) {
    if (weight != null || posWeight != null) {
      return t.hasLabels()
          ? FusedFloat.binaryCrossEntropyWeighted(s, so, k, null, 0, t.label(row), weight, posWeight,
              g, go, scratch, scale)
          : FusedFloat.binaryCrossEntropyWeighted(s, so, k, t.values(), t.offset(row), -1, weight,
              posWeight, g, go, scratch, scale);
    }
    return t.hasLabels()
        ? FusedFloat.binaryCrossEntropy(s, so, k, null, 0, t.label(row), g, go, scratch, scale)
        : FusedFloat.binaryCrossEntropy(s, so, k, t.values(), t.offset(row), -1, g, go, scratch, scale);
  }

  @Override
  public String toString() {
    return name();
  }
}
