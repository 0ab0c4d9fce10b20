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

  /** The mean ± sd curve of {@code metric} over {@code runs} (all of one loss). */
  public static Curve band(String name, List<RunResult> runs, ToDoubleFunction<EpochRecord> metric) {
    int longest = 0;
    for (RunResult r : runs) {
      longest = Math.max(longest, r.epochs().size());
    }
    double[] x = new double[longest];
    double[] mean = new double[longest];
    double[] sd = new double[longest];
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
    }
    return Curve.withBand(name, x, mean, sd);
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

  /** The runs of loss {@code label}. */
  public static List<RunResult> of(List<RunResult> runs, String label) {
    return runs.stream().filter(r -> r.loss().equals(label)).toList();
  }
}
