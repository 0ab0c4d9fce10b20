package dev.losslab.text;

/** Training stopped because the loss became NaN or infinite; the message names the loss, the step and the learning rate. */
public final class TrainingDiverged extends RuntimeException {
  public TrainingDiverged(String message) {
    super(message);
  }
}
