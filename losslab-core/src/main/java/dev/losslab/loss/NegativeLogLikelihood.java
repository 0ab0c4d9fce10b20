package dev.losslab.loss;

import java.util.Arrays;

/**
 * {@code nll}: negative log-likelihood on scores that are already log-probabilities, PyTorch's
 * {@code NLLLoss}: {@code L = −w_y·s_y}, gradient {@code −w_y} at the label and 0 elsewhere.
 *
 * <p>Expected output unit: log-softmax (then it equals {@code cross-entropy}); the scores are not
 * checked to be log-probabilities, as in PyTorch. Labels only. The {@code mean} divides by
 * {@code Σ w_y} over the examples not ignored; an example whose label equals {@code ignoreIndex} has
 * value 0, gradient 0 and mean weight 0 (all ignored: value 0, gradient 0). Linear, no kinks; finite for
 * every finite input.
 */
public final class NegativeLogLikelihood implements Loss {

  /**
   * Options of {@code nll}.
   *
   * @param weight per-class weights (finite, ≥ 0) or {@code null} for all 1
   * @param ignoreIndex a label value whose examples are skipped (default −100)
   */
  public record Options(double[] weight, int ignoreIndex) {
    /** Validates and copies. */
    public Options {
      weight = LossOptions.nonNegative("weight", weight);
    }

    @Override
    public double[] weight() {
      return weight == null ? null : weight.clone();
    }
  }

  private final double[] weight;
  private final int ignoreIndex;

  /** NLL with the given options. */
  public NegativeLogLikelihood(Options options) {
    this.weight = options.weight;
    this.ignoreIndex = options.ignoreIndex;
  }

  /** NLL with PyTorch's defaults. */
  public NegativeLogLikelihood() {
    this(new Options(null, -100));
  }

  @Override
  public String name() {
    return "nll";
  }

  @Override
  public void validate(Target target, int n, int k) {
    if (!target.hasLabels()) {
      throw new IllegalArgumentException("nll needs labels (class indices), not a dense target");
    }
    Targets.requirePerClass("weight", weight, k);
    Targets.requireLabelsInRange(target, n, k, true, ignoreIndex);
  }

  @Override
  public double meanWeight(Target target, int row, int k) {
    int y = target.label(row);
    return y == ignoreIndex ? 0.0 : weight == null ? 1.0 : weight[y];
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    Arrays.fill(g, go, go + k, 0.0);
    int y = t.label(row);
    if (y == ignoreIndex) {
      return 0.0;
    }
    double w = weight == null ? 1.0 : weight[y];
    g[go + y] = -w;
    return -w * s[so + y];
  }

  @Override
  public String toString() {
    return name();
  }
}
