package dev.losslab.train;

import dev.losslab.nn.Network;

/**
 * Receives the trainer's progress: every mini-batch (before the update) and every epoch. Experiments hook
 * in here to compute their own metrics: test accuracy on the network after each epoch, or per-example
 * statistics of the scores and their gradients in each batch. Both methods do nothing by default and run
 * on the training thread. Time spent in {@link #onBatch} counts in {@link EpochMetrics#seconds()}; time
 * spent in {@link #onEpoch} does not.
 */
public interface TrainingListener {

  /**
   * After the batch's forward and backward pass, before the optimizer step. The view is valid only during
   * the call.
   */
  default void onBatch(Batch batch) {}

  /**
   * After each epoch, with the network as the epoch left it; the network may be read (scores, predictions,
   * copies) but must not be changed.
   */
  default void onEpoch(EpochMetrics metrics, Network network) {}

  /** A listener that does nothing. */
  static TrainingListener none() {
    return new TrainingListener() {};
  }
}
