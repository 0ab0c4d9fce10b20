package dev.losslab.experiment;

/**
 * What one epoch of one training run measured, as {@code compare} records it.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean training loss (data term) after the epoch
 * @param testAccuracy the fraction of test examples whose arg-max score is their label
 * @param gradientNorm ‖∇J‖₂ over all parameters after the epoch
 * @param diagnostics stalled and wrong-direction fractions on the training sample
 * @param seconds wall-clock time of the epoch's training
 * @param testRecall recall at 1 on the test set (text: differs from precision on multi-label lines;
 *     dense: equal to the accuracy)
 */
public record EpochRecord(int epoch, double trainLoss, double testAccuracy, double gradientNorm,
    GradientDiagnostics diagnostics, double seconds, double testRecall) {

  /** A record of single-label data, where recall at 1 equals the accuracy. */
  public EpochRecord(int epoch, double trainLoss, double testAccuracy, double gradientNorm,
      GradientDiagnostics diagnostics, double seconds) {
    this(epoch, trainLoss, testAccuracy, gradientNorm, diagnostics, seconds, testAccuracy);
  }
}
