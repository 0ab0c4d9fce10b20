package dev.losslab.loss;

import dev.losslab.loss.kernel.FloatLoss;
import dev.losslab.loss.kernel.FusedFloat;
import java.util.Arrays;

/**
 * {@code cross-entropy}: softmax cross-entropy from logits, PyTorch's {@code CrossEntropyLoss}
 * (seed 000 §1; semantics of {@code LossNLL.cpp}).
 *
 * <p>With a label {@code y} (weights {@code w}, default 1; smoothing ε; {@code W = Σ_c w_c}):
 * {@code L = (1 − ε)·w_y·(−log p_y) + (ε/K)·Σ_c w_c·(−log p_c)}, {@code p = softmax(s)},
 * gradient {@code ((1 − ε)w_y + (ε/K)W)·p − (1 − ε)w_y·e_y − (ε/K)·w}. The mean divides by
 * {@code Σ w_y} over non-ignored examples (PyTorch's weighted mean, also with smoothing). An example whose
 * label equals {@code ignoreIndex} has value 0, gradient 0 and mean weight 0.
 *
 * <p>With probability targets {@code t} (rows must be distributions): {@code t' = (1 − ε)t + ε/K},
 * {@code L = −Σ_c w_c t'_c log p_c}, gradient {@code (Σ_c w_c t'_c)·p − w ⊙ t'}; the mean divides by
 * the number of examples, as PyTorch does for probability targets; {@code ignoreIndex} does not apply.
 *
 * <p>Expected output unit: none (the softmax is fused). {@code log p} is {@code s − max − log Σ e^{s−max}}
 * with {@code log Σ} taken as {@code log1p} of the non-maximal terms, so a confident correct example keeps
 * its tiny loss (≈ {@code e^{−40}} at a margin of 40) instead of rounding to 0. Finite for every finite
 * score; NaN scores are rejected by {@link LossEvaluation}.
 */
public final class SoftmaxCrossEntropy implements Loss, FloatLoss {

  /**
   * Options of {@code cross-entropy}.
   *
   * @param weight per-class weights (finite, ≥ 0) or {@code null} for all 1
   * @param ignoreIndex a label value whose examples are skipped (PyTorch default −100)
   * @param labelSmoothing ε in [0, 1]
   */
  public record Options(double[] weight, int ignoreIndex, double labelSmoothing) {
    /** Validates and copies. */
    public Options {
      weight = LossOptions.nonNegative("weight", weight);
      LossOptions.inRange("labelSmoothing", labelSmoothing, 0, 1);
    }

    /** PyTorch's defaults: no weights, ignoreIndex −100, no smoothing. */
    public static Options defaults() {
      return new Options(null, -100, 0.0);
    }

    @Override
    public double[] weight() {
      return weight == null ? null : weight.clone();
    }
  }

  private final double[] weight;
  private final int ignoreIndex;
  private final double eps;

  /** Cross-entropy with the given options. */
  public SoftmaxCrossEntropy(Options options) {
    this.weight = options.weight;
    this.ignoreIndex = options.ignoreIndex;
    this.eps = options.labelSmoothing;
  }

  /** Cross-entropy with PyTorch's defaults. */
  public SoftmaxCrossEntropy() {
    this(Options.defaults());
  }

  @Override
  public String name() {
    return "cross-entropy";
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requirePerClass("weight", weight, k);
    if (target.hasLabels()) {
      Targets.requireLabelsInRange(target, n, k, true, ignoreIndex);
    } else {
      Targets.requireShape(target, n, k);
      Targets.requireDistributions(target, n, k);
    }
  }

  @Override
  public double meanWeight(Target target, int row, int k) {
    if (!target.hasLabels()) {
      return 1.0;
    }
    int y = target.label(row);
    return y == ignoreIndex ? 0.0 : weight == null ? 1.0 : weight[y];
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    if (t.hasLabels() && t.label(row) == ignoreIndex) {
      Arrays.fill(g, go, go + k, 0.0);
      return 0.0;
    }
    // g ← e^{s − max}; rest = Σ over non-maximal classes; log Σ = log1p(rest)
    int m = SoftmaxParts.exponentials(s, so, k, g, go);
    double max = s[so + m];
    double rest = SoftmaxParts.rest(g, go, k, m);
    double logSum = Math.log1p(rest);
    double inv = 1.0 / (1.0 + rest);
    for (int j = 0; j < k; j++) {
      g[go + j] *= inv; // now p
    }
    double smooth = eps / k;
    if (t.hasLabels()) {
      int y = t.label(row);
      double wy = weight == null ? 1.0 : weight[y];
      double value = (1 - eps) * wy * (logSum - (s[so + y] - max));
      double c = (1 - eps) * wy;
      if (eps > 0) {
        double sumW = 0;
        double smoothSum = 0;
        for (int j = 0; j < k; j++) {
          double wj = weight == null ? 1.0 : weight[j];
          sumW += wj;
          smoothSum += wj * (logSum - (s[so + j] - max));
        }
        value += smooth * smoothSum;
        double scale = c + smooth * sumW;
        for (int j = 0; j < k; j++) {
          g[go + j] = scale * g[go + j] - smooth * (weight == null ? 1.0 : weight[j]);
        }
      } else {
        for (int j = 0; j < k; j++) {
          g[go + j] *= c;
        }
      }
      // p_y − 1 = −rest/(1 + rest) exactly when y is the maximum
      g[go + y] = y == m && eps == 0 ? -c * rest * inv : g[go + y] - c;
      return value;
    }
    double[] v = t.values();
    int to = t.offset(row);
    double value = 0;
    double mass = 0;
    for (int j = 0; j < k; j++) {
      double tj = (1 - eps) * v[to + j] + smooth;
      double wt = (weight == null ? 1.0 : weight[j]) * tj;
      if (wt != 0) {
        value += wt * (logSum - (s[so + j] - max));
        mass += wt;
      }
    }
    for (int j = 0; j < k; j++) {
      double wt = (weight == null ? 1.0 : weight[j]) * ((1 - eps) * v[to + j] + smooth);
      g[go + j] = mass * g[go + j] - wt;
    }
    return value;
  }

  @Override
  public double evaluate(float[] s, int so, int k, Target t, int row, float[] g, int go,
      double[] scratch, float scale) {
    if (!t.hasLabels() || weight != null && eps != 0) {
      return FusedFloat.throughDouble(this, s, so, k, t, row, g, go, scratch, scale);
    }
    int y = t.label(row);
    // a class weight scales the example's value and gradient alike
    double wy = weight == null || y == ignoreIndex ? 1.0 : weight[y];
    double value = FusedFloat.crossEntropy(s, so, k, y, ignoreIndex, eps, g, go, scratch,
        (float) (scale * wy));
    // NaN: a smoothed row too close to a stationary point for the float loops
    return Double.isNaN(value)
        ? FusedFloat.throughDouble(this, s, so, k, t, row, g, go, scratch, scale)
        : wy * value;
  }

  @Override
  public String toString() {
    return name();
  }
}
