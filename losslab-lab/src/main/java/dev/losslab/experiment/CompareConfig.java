package dev.losslab.experiment;

import java.util.List;

/**
 * A comparison: which losses, how many seeds, the shared model and optimiser, and the diagnostics'
 * sample size and stall threshold. {@link #of(String, int, ModelSetup)} fills in the last two:
 *
 * <pre>{@code
 * CompareConfig config = CompareConfig.of("cross-entropy,gce,formula:1 - p[label]", 3,
 *     ModelSetup.defaults());
 * }</pre>
 *
 * @param losses the losses to train, each with every seed
 * @param seeds number of seeds; the runs use seeds 1 … seeds
 * @param setup the network and trainer every loss shares
 * @param sample training examples the per-epoch diagnostics look at (all of them when fewer)
 * @param stallThreshold ‖∂L/∂s‖₂ below which a misclassified example counts as stalled
 */
public record CompareConfig(List<LossChoice> losses, int seeds, ModelSetup setup, int sample,
    double stallThreshold) {

  /** Seeds per loss unless told otherwise. */
  public static final int DEFAULT_SEEDS = 3;

  /** Training examples the diagnostics look at unless told otherwise. */
  public static final int DEFAULT_SAMPLE = 1000;

  /**
   * Checks every field; the message names the field and its value.
   *
   * @throws IllegalArgumentException when there is no loss, fewer than one seed or sampled example, or
   *     the stall threshold is not a positive finite number
   */
  public CompareConfig {
    losses = List.copyOf(losses);
    java.util.Objects.requireNonNull(setup, "setup");
    if (losses.isEmpty()) {
      throw new IllegalArgumentException("at least one loss is needed");
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds (" + seeds + ") must be >= 1");
    }
    if (sample < 1) {
      throw new IllegalArgumentException("sample (" + sample + ") must be >= 1");
    }
    if (!(stallThreshold > 0) || Double.isInfinite(stallThreshold)) {
      throw new IllegalArgumentException(
          "stall threshold (" + stallThreshold + ") must be > 0 and finite");
    }
  }

  /**
   * {@code losses} (a comma-separated list as {@link LossChoice#parseList} reads it) with {@code seeds}
   * seeds each on {@code setup}, with the default diagnostics: {@value #DEFAULT_SAMPLE} sampled
   * examples and {@link GradientDiagnostics#DEFAULT_STALL_THRESHOLD}.
   *
   * @throws IllegalArgumentException naming the loss or value at fault
   */
  public static CompareConfig of(String losses, int seeds, ModelSetup setup) {
    return of(LossChoice.parseList(losses), seeds, setup);
  }

  /** As {@link #of(String, int, ModelSetup)}, with losses already parsed. */
  public static CompareConfig of(List<LossChoice> losses, int seeds, ModelSetup setup) {
    return new CompareConfig(losses, seeds, setup, DEFAULT_SAMPLE,
        GradientDiagnostics.DEFAULT_STALL_THRESHOLD);
  }

  /**
   * What {@code compare} runs with no options: the eight {@link LossChoice#DEFAULTS} losses,
   * {@value #DEFAULT_SEEDS} seeds each, {@link ModelSetup#defaults()}.
   */
  public static CompareConfig defaults() {
    return of(LossChoice.DEFAULTS, DEFAULT_SEEDS, ModelSetup.defaults());
  }

  /** Number of training runs. */
  public int runs() {
    return losses.size() * seeds;
  }
}
