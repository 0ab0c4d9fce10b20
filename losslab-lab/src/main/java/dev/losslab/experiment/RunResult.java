package dev.losslab.experiment;

import java.util.List;

/**
 * One training run: a loss, a seed, its epochs, and how it ended.
 *
 * @param loss the loss as the user named it
 * @param seed the run's seed (network initialisation and example order)
 * @param epochs the epochs completed, in order
 * @param stopReason why it ended: {@code EPOCHS}, a stopping rule, or {@code DIVERGED}
 * @param failure the divergence message, or {@code null}
 */
public record RunResult(String loss, long seed, List<EpochRecord> epochs, String stopReason,
    String failure) {

  public RunResult {
    epochs = List.copyOf(epochs);
  }

  /** Whether training stopped on a non-finite objective. */
  public boolean diverged() {
    return failure != null;
  }

  /** The last completed epoch, or {@code null} if none completed. */
  public EpochRecord last() {
    return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
  }

  /** Mean training seconds per completed epoch ({@code NaN} if none). */
  public double secondsPerEpoch() {
    double s = 0;
    for (EpochRecord e : epochs) {
      s += e.seconds();
    }
    return epochs.isEmpty() ? Double.NaN : s / epochs.size();
  }
}
