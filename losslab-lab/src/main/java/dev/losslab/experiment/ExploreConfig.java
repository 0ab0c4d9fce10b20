package dev.losslab.experiment;

import java.util.List;

/**
 * What {@code explore} draws. {@link #defaults()} is what {@code explore} draws with no options;
 * {@link #of(String)} draws other losses on the same axes:
 *
 * <pre>{@code
 * Report report = Lab.explore(ExploreConfig.of("cross-entropy,gce,formula:1 - p[label]"));
 * }</pre>
 *
 * @param losses the losses of the multi-class figures (score sweeps and the per-class gradient signs)
 * @param lo lower end of the score axis
 * @param hi upper end of the score axis
 * @param targets the targets {@code d ∈ [0, 1]} of the KL-vs-L2 figures
 * @param points points per curve
 */
public record ExploreConfig(List<LossChoice> losses, double lo, double hi, double[] targets,
    int points) {

  /** The losses drawn when none are given. */
  public static final String DEFAULT_LOSSES = "cross-entropy,softmax-mse,mse,exp-mse,mae,gce,taylor-ce";

  /**
   * Checks every field; the message names the field and its value.
   *
   * @throws IllegalArgumentException when there is no loss or no target, the range is not finite with
   *     {@code lo < hi}, a target lies outside [0, 1], or there are fewer than 3 points
   */
  public ExploreConfig {
    losses = List.copyOf(losses);
    targets = targets.clone();
    if (losses.isEmpty()) {
      throw new IllegalArgumentException("at least one loss is needed");
    }
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException(
          "score range (" + lo + ", " + hi + ") must be two finite numbers lo < hi");
    }
    for (double d : targets) {
      if (!(d >= 0 && d <= 1)) {
        throw new IllegalArgumentException("target (" + d + ") must be in [0, 1]");
      }
    }
    if (targets.length == 0) {
      throw new IllegalArgumentException("at least one target is needed");
    }
    if (points < 3) {
      throw new IllegalArgumentException("points (" + points + ") must be >= 3");
    }
  }

  /** {@link #DEFAULT_LOSSES} on scores −10 … 10, targets 0 and 1, 401 points per curve. */
  public static ExploreConfig defaults() {
    return of(DEFAULT_LOSSES);
  }

  /**
   * {@code losses} (a comma-separated list as {@link LossChoice#parseList} reads it) on the default
   * axes: scores −10 … 10, targets 0 and 1, 401 points per curve.
   *
   * @throws IllegalArgumentException naming the loss at fault
   */
  public static ExploreConfig of(String losses) {
    return new ExploreConfig(LossChoice.parseList(losses), -10, 10, new double[] {0, 1}, 401);
  }

  /** The targets, a copy. */
  @Override
  public double[] targets() {
    return targets.clone();
  }
}
