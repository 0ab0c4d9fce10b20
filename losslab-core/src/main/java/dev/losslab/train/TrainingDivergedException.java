package dev.losslab.train;

/**
 * Training produced a non-finite objective (NaN or infinity): the message names the epoch, the batch and
 * the value, and suggests a smaller learning rate. Thrown instead of letting NaN spread into the
 * parameters and the reports.
 */
public final class TrainingDivergedException extends ArithmeticException {
  private final int epoch;
  private final int batch;

  /** The failure with its message, epoch (from 1) and batch (from 0, or -1 for the full pass). */
  public TrainingDivergedException(String message, int epoch, int batch) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
  }

  /** The epoch in which the objective became non-finite, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The batch within the epoch, from 0; -1 for the full-pass metrics. */
  public int batch() {
    return batch;
  }
}
