package dev.losslab.experiment;

import java.util.List;

/**
 * A comparison: which losses, how many seeds, the shared model and optimiser, and the diagnostics'
 * sample size and stall threshold.
 *
 * @param losses the losses to train, each with every seed
 * @param seeds number of seeds; the runs use seeds 1 … seeds
 * @param setup the network and trainer every loss shares
 * @param sample training examples the per-epoch diagnostics look at
 * @param stallThreshold ‖∂L/∂s‖₂ below which a misclassified example counts as stalled
 */
public record CompareConfig(List<LossChoice> losses, int seeds, ModelSetup setup, int sample,
    double stallThreshold) {

  public CompareConfig {
    losses = List.copyOf(losses);
    if (losses.isEmpty()) {
      throw new IllegalArgumentException("--loss needs at least one loss");
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds (" + seeds + ") must be >= 1");
    }
    if (sample < 1) {
      throw new IllegalArgumentException("--sample (" + sample + ") must be >= 1");
    }
    if (!(stallThreshold > 0) || Double.isInfinite(stallThreshold)) {
      throw new IllegalArgumentException(
          "--stall-threshold (" + stallThreshold + ") must be > 0 and finite");
    }
  }

  /** Number of training runs. */
  public int runs() {
    return losses.size() * seeds;
  }
}
