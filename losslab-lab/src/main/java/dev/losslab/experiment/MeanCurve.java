package dev.losslab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One loss's curve of one metric as a figure draws it: at each epoch the mean and sd over the seeds
 * that reached it ({@link SeedCurves#series}), with non-finite means left out, and the readings the
 * figure sentences take from it (first and last point, peak, where it turns steady).
 *
 * @param loss the loss's label
 * @param epoch the epochs with a finite mean, increasing
 * @param mean the mean over seeds at each
 * @param sd the sd over seeds at each (0 for one seed)
 */
record MeanCurve(String loss, int[] epoch, double[] mean, double[] sd) {

  static MeanCurve of(String loss, List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
    SeedCurves.Series s = SeedCurves.series(runs, metric);
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < s.x().length; i++) {
      if (Double.isFinite(s.mean()[i])) {
        keep.add(i);
      }
    }
    int[] e = new int[keep.size()];
    double[] m = new double[keep.size()];
    double[] d = new double[keep.size()];
    for (int j = 0; j < e.length; j++) {
      int i = keep.get(j);
      e[j] = (int) s.x()[i];
      m[j] = s.mean()[i];
      d[j] = Double.isFinite(s.sd()[i]) ? s.sd()[i] : 0;
    }
    return new MeanCurve(loss, e, m, d);
  }

  boolean empty() {
    return epoch.length == 0;
  }

  int points() {
    return epoch.length;
  }

  double first() {
    return mean[0];
  }

  double last() {
    return mean[mean.length - 1];
  }

  int firstEpoch() {
    return epoch[0];
  }

  int lastEpoch() {
    return epoch[epoch.length - 1];
  }

  double lastSd() {
    return sd[sd.length - 1];
  }

  /** Index of the highest mean (the first, if tied). */
  int peak() {
    int best = 0;
    for (int i = 1; i < mean.length; i++) {
      if (mean[i] > mean[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The mean at {@code e}, or NaN when the curve has no point there. */
  double at(int e) {
    for (int i = 0; i < epoch.length; i++) {
      if (epoch[i] == e) {
        return mean[i];
      }
    }
    return Double.NaN;
  }

  /** The first epoch from which every mean stays within {@code tolerance} of the last one. */
  int steadySince(double tolerance) {
    int i = mean.length - 1;
    while (i > 0 && Math.abs(mean[i - 1] - last()) <= tolerance) {
      i--;
    }
    return epoch[i];
  }

  /** Whether the curve is 0 at every point. */
  boolean allZero() {
    for (double v : mean) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
