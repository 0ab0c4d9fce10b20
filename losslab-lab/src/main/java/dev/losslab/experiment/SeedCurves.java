package dev.losslab.experiment;

import dev.losslab.report.Curve;
import dev.losslab.report.MeanSd;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Aggregates the runs of one loss across seeds, epoch by epoch: the mean ± sd band of a metric. At
 * each epoch only the runs that reached it count (a run may stop early or diverge); the curve ends at
 * the last epoch any run reached.
 */
public final class SeedCurves {
  private SeedCurves() {}

  /**
   * The epochs and, at each, the mean and sd of {@code metric} over the runs that reached it.
   *
   * @param x the epochs
   * @param mean the mean over the runs that reached each epoch
   * @param sd their sample standard deviation (0 for one run)
   * @param runs how many runs reached each epoch
   */
  public record Series(double[] x, double[] mean, double[] sd, int[] runs) {}

  /** The epoch-by-epoch mean ± sd of {@code metric} over {@code runs} (all of one loss). */
  public static Series series(List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
    int longest = 0;
    for (RunResult r : runs) {
      longest = Math.max(longest, r.epochs().size());
    }
    double[] x = new double[longest];
    double[] mean = new double[longest];
    double[] sd = new double[longest];
    int[] count = new int[longest];
    for (int e = 0; e < longest; e++) {
      List<Double> vs = new ArrayList<>();
      int epoch = e + 1;
      for (RunResult r : runs) {
        if (e < r.epochs().size()) {
          vs.add(metric.applyAsDouble(r.epochs().get(e)));
          epoch = r.epochs().get(e).epoch();
        }
      }
      MeanSd m = MeanSd.of(vs.stream().mapToDouble(Double::doubleValue).toArray());
      x[e] = epoch;
      mean[e] = m.mean();
      sd[e] = m.sd();
      count[e] = m.count();
    }
    return new Series(x, mean, sd, count);
  }

  /** The mean ± sd curve of {@code metric} over {@code runs} (all of one loss). */
  public static Curve band(String name, List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
    Series s = series(runs, metric);
    return Curve.withBand(name, s.x(), s.mean(), s.sd());
  }

  /** Mean ± sd over runs of {@code metric} at each run's last epoch (runs with no epoch skipped). */
  public static MeanSd last(List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
    List<Double> vs = new ArrayList<>();
    for (RunResult r : runs) {
      if (r.last() != null) {
        vs.add(metric.applyAsDouble(r.last()));
      }
    }
    return MeanSd.of(vs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Mean ± sd over runs of each run's highest {@code metric} over its epochs (non-finite values and
   * runs with no epoch skipped).
   */
  public static MeanSd best(List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
    List<Double> vs = new ArrayList<>();
    for (RunResult r : runs) {
      int e = bestEpochIndex(r, metric);
      if (e >= 0) {
        vs.add(metric.applyAsDouble(r.epochs().get(e)));
      }
    }
    return MeanSd.of(vs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The epoch at which each run reached its highest {@code metric} (the first such epoch when tied),
   * in run order; runs with no finite value are left out.
   */
  public static int[] bestEpochs(List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
    List<Integer> epochs = new ArrayList<>();
    for (RunResult r : runs) {
      int e = bestEpochIndex(r, metric);
      if (e >= 0) {
        epochs.add(r.epochs().get(e).epoch());
      }
    }
    return epochs.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int bestEpochIndex(RunResult r, ToDoubleFunction<EpochRecord> metric) {
    int best = -1;
    double value = Double.NEGATIVE_INFINITY;
    for (int e = 0; e < r.epochs().size(); e++) {
      double v = metric.applyAsDouble(r.epochs().get(e));
      if (Double.isFinite(v) && (best < 0 || v > value)) {
        best = e;
        value = v;
      }
    }
    return best;
  }

  /** The runs of loss {@code label}. */
  public static List<RunResult> of(List<RunResult> runs, String label) {
    return runs.stream().filter(r -> r.loss().equals(label)).toList();
  }
}
