package dev.losslab.loss;

import java.util.Arrays;

/**
 * {@code hinge} and {@code squared-hinge}: the multi-class margin loss of PyTorch's
 * {@code multi_margin_loss} with {@code p = 1} and {@code p = 2}. Per example with label {@code y},
 * margin {@code m} and class weights {@code w} (default 1):
 * {@code L = (w_y/K)·Σ_{i≠y} max(0, m − s_y + s_i)^p}; with {@code z_i = m − s_y + s_i > 0} the gradient
 * is {@code (w_y/K)·p·z_i^{p−1}} at {@code i} and minus their sum at {@code y}.
 *
 * <p>Kinks at {@code z_i = 0} (a score exactly at the margin) for {@code p = 1}: the gradient there is 0
 * (PyTorch's, {@code z > 0} strictly); the gradient checker flags these points. {@code p = 2} is smooth.
 * {@code mean} divides by the number of examples even with weights (PyTorch). Labels only. Expected
 * output unit: identity (raw scores). Finite for every finite input (overflow only where
 * {@code z²} does, ≳ 1.3e154).
 */
public final class MultiMargin implements Loss {

  /**
   * Options of {@code hinge} and {@code squared-hinge}.
   *
   * @param margin the margin m, finite and ≥ 0 (default 1)
   * @param weight per-class weights (finite, ≥ 0) or {@code null}
   */
  public record Options(double margin, double[] weight) {
    /** Validates and copies. */
    public Options {
      LossOptions.nonNegative("margin", margin);
      weight = LossOptions.nonNegative("weight", weight);
    }

    @Override
    public double[] weight() {
      return weight == null ? null : weight.clone();
    }
  }

  private final int power;
  private final double margin;
  private final double[] weight;

  /**
   * A margin loss of the given power.
   *
   * @param power 1 ({@code hinge}) or 2 ({@code squared-hinge})
   */
  public MultiMargin(int power, Options options) {
    if (power != 1 && power != 2) {
      throw new IllegalArgumentException("power (" + power + ") must be 1 or 2");
    }
    this.power = power;
    this.margin = options.margin;
    this.weight = options.weight;
  }

  @Override
  public String name() {
    return power == 1 ? "hinge" : "squared-hinge";
  }

  @Override
  public void validate(Target target, int n, int k) {
    if (!target.hasLabels()) {
      throw new IllegalArgumentException(name() + " needs labels (class indices), not a dense target");
    }
    Targets.requirePerClass("weight", weight, k);
    Targets.requireLabelsInRange(target, n, k, false, 0);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    Arrays.fill(g, go, go + k, 0.0);
    int y = t.label(row);
    double c = (weight == null ? 1.0 : weight[y]) / k;
    double sy = s[so + y];
    double value = 0;
    double gy = 0;
    for (int i = 0; i < k; i++) {
      if (i == y) {
        continue;
      }
      double z = margin - sy + s[so + i];
      if (z > 0) {
        double d = power == 1 ? c : 2 * c * z;
        value += power == 1 ? z : z * z;
        g[go + i] = d;
        gy -= d;
      }
    }
    g[go + y] = gy;
    return c * value;
  }

  @Override
  public String toString() {
    return name();
  }
}
