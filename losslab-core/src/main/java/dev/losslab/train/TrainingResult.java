package dev.losslab.train;

import dev.losslab.nn.Network;
import java.util.List;

/**
 * The outcome of {@link Trainer#train}: the trained network (the same object that was passed in, now
 * holding the trained parameters), every epoch's metrics, and why training stopped.
 *
 * @param network the trained network
 * @param epochs one entry per epoch run, in order
 * @param stopReason why the run ended
 * @param seconds wall-clock time of the whole run, metrics and listeners included
 */
public record TrainingResult(
    Network network, List<EpochMetrics> epochs, StopReason stopReason, double seconds) {

  /** Copies the epoch list. */
  public TrainingResult {
    epochs = List.copyOf(epochs);
  }

  /** The last epoch's metrics. */
  public EpochMetrics last() {
    return epochs.get(epochs.size() - 1);
  }
}
