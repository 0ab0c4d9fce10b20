package dev.losslab.text.autotune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When to stop a trial early: the median stopping rule (Golovin et al., "Google Vizier", KDD 2017)
 * checked at the power-of-two epochs, as the rungs of asynchronous successive halving (Li et al.,
 * "A System for Massively Parallel Hyperparameter Tuning", MLSys 2020) are placed. {@link Autotune}
 * uses rung 1 only, on the training loss of each trial's first epoch (negated: higher is better).
 *
 * <p>At rung {@code e} a trial's value is the best score it has had by epoch {@code e}; the
 * references are the values the earlier trials had at the same rung (every earlier trial that got
 * that far, finished or not). With at least {@link #minReferences()} references, the trial stops
 * unless its value is strictly above their median. Each rung thus keeps the better half of the trials
 * that reach it, and a bad trial costs an epoch or two rather than its whole schedule. A tie stops:
 * on data with many labels most bad draws score exactly the share of the most frequent label (they
 * predict it for every line), and a draw that does no better than that has shown nothing yet.
 *
 * <p>Scores that are NaN count as missing. Not thread-safe: one search uses it from one thread.
 */
public final class MedianStoppingRule {
  private final int minReferences;
  /** Per rung index ({@code log2 epoch}), the values of the trials recorded so far. */
  private final List<double[]> rungs = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();

  /** @param minReferences how many earlier trials a rung needs before it stops anything (≥ 1) */
  public MedianStoppingRule(int minReferences) {
    if (minReferences < 1) {
      throw new IllegalArgumentException("minReferences (" + minReferences + ") must be >= 1");
    }
    this.minReferences = minReferences;
  }

  /**
   * The rule the search uses: one reference is enough, so from the second trial on a draw must do
   * better than the trials before it to be trained further. Waiting for three references, as Vizier
   * does, lets the second and third draws run their whole schedules whatever they score; in
   * fastText's search those are often the longest trials of all (epochs drawn with σ = 2.8 in log2).
   */
  public static MedianStoppingRule standard() {
    return new MedianStoppingRule(1);
  }

  public int minReferences() {
    return minReferences;
  }

  /** Whether the end of {@code epoch} (1-based) is a rung: 1, 2, 4, 8, ... */
  public static boolean isRung(int epoch) {
    return epoch > 0 && (epoch & (epoch - 1)) == 0;
  }

  private static int rungIndex(int epoch) {
    return 31 - Integer.numberOfLeadingZeros(epoch);
  }

  /**
   * Whether a trial whose best score up to rung {@code epoch} is {@code value} stops there.
   *
   * @param epoch a rung (see {@link #isRung})
   */
  public boolean shouldStop(int epoch, double value) {
    if (!isRung(epoch)) {
      throw new IllegalArgumentException("epoch " + epoch + " is not a rung (a power of two)");
    }
    double median = median(epoch);
    return !Double.isNaN(median) && !(value > median);
  }

  /** The median of the references at rung {@code epoch}; NaN with fewer than the minimum. */
  public double median(int epoch) {
    int r = rungIndex(epoch);
    if (r >= rungs.size() || counts.get(r) < minReferences) {
      return Double.NaN;
    }
    int n = counts.get(r);
    double[] v = Arrays.copyOf(rungs.get(r), n);
    Arrays.sort(v);
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /**
   * Records a finished (or stopped) trial: its scores after each epoch it was scored at.
   *
   * @param scores {@code scores[e − 1]} the score after epoch {@code e}, NaN where it was not scored;
   *     the array ends at the trial's last epoch
   */
  public void record(double[] scores) {
    double best = Double.NaN;
    for (int e = 1; e <= scores.length; e++) {
      double s = scores[e - 1];
      if (!Double.isNaN(s) && (Double.isNaN(best) || s > best)) {
        best = s;
      }
      if (isRung(e) && !Double.isNaN(best)) {
        int r = rungIndex(e);
        while (rungs.size() <= r) {
          rungs.add(new double[8]);
          counts.add(0);
        }
        int n = counts.get(r);
        double[] v = rungs.get(r);
        if (n == v.length) {
          v = Arrays.copyOf(v, 2 * n);
          rungs.set(r, v);
        }
        v[n] = best;
        counts.set(r, n + 1);
      }
    }
  }
}
