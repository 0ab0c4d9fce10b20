package dev.losslab.train;

import java.util.Locale;

/**
 * When training stops before its epoch budget (seed 002 §6.7). With KL divergence (cross-entropy on
 * one-hot targets) the derivative with respect to the output is not 0 at the minimum, so seed 002
 * recommends watching whether the loss still changes rather than waiting for a zero gradient; both rules
 * are here so experiments can compare them.
 *
 * <ul>
 *   <li>{@link #none()}: run every epoch;
 *   <li>{@link #gradientNorm(double)}: stop once {@code ‖∇J(θ)‖₂ < threshold};
 *   <li>{@link #lossChange(double)}: stop once {@code |J_t − J_{t−1}| / max(|J_{t−1}|, 1e-12) < threshold}.
 * </ul>
 *
 * <p>The rules read the epoch's {@link EpochMetrics}: exact full-data values when
 * {@link TrainerConfig#fullPassMetrics()} is set, running averages otherwise. A NaN metric never
 * stops training by these rules (the trainer fails on a non-finite objective first).
 */
public sealed interface StoppingRule
    permits StoppingRule.None, StoppingRule.GradientNorm, StoppingRule.LossChange {

  /**
   * Whether to stop after the epoch {@code current}.
   *
   * @param previous the epoch before, or {@code null} after the first epoch
   */
  boolean shouldStop(EpochMetrics current, EpochMetrics previous);

  /** Why training stopped when this rule fired. */
  StopReason reason();

  /** The rule as {@link #parse} reads it, e.g. {@code loss-change:0.0001}. */
  String describe();

  /** Never stop early. */
  static StoppingRule none() {
    return new None();
  }

  /** Stop once the gradient norm falls below {@code threshold} (> 0). */
  static StoppingRule gradientNorm(double threshold) {
    return new GradientNorm(threshold);
  }

  /** Stop once the relative change of the objective falls below {@code threshold} (> 0). */
  static StoppingRule lossChange(double threshold) {
    return new LossChange(threshold);
  }

  /**
   * Parses {@code none}, {@code gradient-norm:T} or {@code loss-change:T}.
   *
   * @throws IllegalArgumentException naming the text when it is none of these or T is not a positive
   *     number
   */
  static StoppingRule parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return none();
    }
    int colon = t.indexOf(':');
    if (colon > 0) {
      String kind = t.substring(0, colon);
      double threshold;
      try {
        threshold = Double.parseDouble(t.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "stopping rule (" + text + "): threshold must be a number");
      }
      if (kind.equals("gradient-norm")) {
        return gradientNorm(threshold);
      }
      if (kind.equals("loss-change")) {
        return lossChange(threshold);
      }
    }
    throw new IllegalArgumentException(
        "stopping rule (" + text + ") must be none, gradient-norm:T or loss-change:T");
  }

  /** Runs every epoch. */
  record None() implements StoppingRule {
    @Override
    public boolean shouldStop(EpochMetrics current, EpochMetrics previous) {
      return false;
    }

    @Override
    public StopReason reason() {
      return StopReason.EPOCHS;
    }

    @Override
    public String describe() {
      return "none";
    }
  }

  /** Stops once {@code ‖∇J‖₂ < threshold}. */
  record GradientNorm(double threshold) implements StoppingRule {
    /** Checks {@code threshold > 0}. */
    public GradientNorm {
      if (!(threshold > 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException(
            "gradient-norm threshold (" + threshold + ") must be > 0 and finite");
      }
    }

    @Override
    public boolean shouldStop(EpochMetrics current, EpochMetrics previous) {
      return current.gradientNorm() < threshold;
    }

    @Override
    public StopReason reason() {
      return StopReason.GRADIENT_NORM;
    }

    @Override
    public String describe() {
      return "gradient-norm:" + threshold;
    }
  }

  /** Stops once {@code |J_t − J_{t−1}| / max(|J_{t−1}|, 1e-12) < threshold}. */
  record LossChange(double threshold) implements StoppingRule {
    /** Checks {@code threshold > 0}. */
    public LossChange {
      if (!(threshold > 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException(
            "loss-change threshold (" + threshold + ") must be > 0 and finite");
      }
    }

    @Override
    public boolean shouldStop(EpochMetrics current, EpochMetrics previous) {
      if (previous == null) {
        return false;
      }
      double before = previous.loss();
      double change = Math.abs(current.loss() - before) / Math.max(Math.abs(before), 1e-12);
      return change < threshold;
    }

    @Override
    public StopReason reason() {
      return StopReason.LOSS_CHANGE;
    }

    @Override
    public String describe() {
      return "loss-change:" + threshold;
    }
  }
}
