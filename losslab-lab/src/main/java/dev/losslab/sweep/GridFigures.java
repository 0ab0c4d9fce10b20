package dev.losslab.sweep;

import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.RunResult;
import dev.losslab.report.Curve;
import dev.losslab.report.HeatMapPlot;
import dev.losslab.report.LinePlot;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Numbers;
import dev.losslab.report.Plot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a grid, each with a sentence that reads its numbers: final test accuracy against one
 * swept option, one line per loss with a band of ± sd over the seeds (and, when other options are
 * swept too, over their cells: the line is then the mean over them); and, for a grid of two swept
 * options, a heat map per loss of its mean final test accuracy in each cell, all on one colour scale.
 * A numeric option is drawn on a numeric axis (logarithmic when its values are positive and span a
 * factor of 10 or more, as learning rates do); noise of one kind on its rate; any other option on
 * named positions.
 */
final class GridFigures {
  private GridFigures() {}

  /** A figure and its caption. */
  record Figure(Plot plot, String caption) {}

  /** {@code gce:q} → {@code gce-q}: a figure file's stem. */
  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
  }

  /** Final test accuracy against axis {@code a}. */
  static Figure accuracyAgainst(SweepResult r, int a) {
    SweepPlan p = r.plan();
    GridAxis axis = p.grid().axes().get(a);
    List<String> values = axis.values();
    double[] x = numericX(axis);
    boolean others = p.grid().axes().size() > 1;
    String xLabel = axis.name();
    if (x != null && axis.name().equals("noise")) {
      xLabel = "label noise rate (" + noiseKind(axis) + ")";
    }
    LinePlot.Builder plot = LinePlot.builder("Final test accuracy against " + axis.name()
        + (others ? " (mean over the other swept options)" : ""), xLabel,
        "final test accuracy");
    double[] positions = x;
    if (x == null) {
      positions = new double[values.size()];
      for (int i = 0; i < positions.length; i++) {
        positions[i] = i + 1;
      }
      plot.xCategories(values);
    } else if (logScale(x)) {
      plot.logX();
    }
    List<String> best = new ArrayList<>();
    double top = Double.NEGATIVE_INFINITY;
    String topText = "";
    for (LossChoice loss : p.base().losses()) {
      double[] mean = new double[values.size()];
      double[] sd = new double[values.size()];
      int bestAt = -1;
      for (int v = 0; v < values.size(); v++) {
        MeanSd m = MeanSd.of(accuracies(r, a, values.get(v), loss.label()));
        mean[v] = m.mean();
        sd[v] = m.count() > 1 ? m.sd() : 0;
        if (Double.isFinite(m.mean()) && (bestAt < 0 || m.mean() > mean[bestAt])) {
          bestAt = v;
        }
      }
      plot.curve(Curve.withBand(loss.label(), positions, mean, sd));
      if (bestAt >= 0) {
        best.add(loss.label() + " " + values.get(bestAt));
        if (mean[bestAt] > top) {
          top = mean[bestAt];
          topText = loss.label() + " at " + axis.name() + "=" + values.get(bestAt) + " ("
              + Numbers.format(top, 3) + ")";
        }
      }
    }
    String caption = "Each loss's final test accuracy at each value of " + axis.name()
        + (others ? ", averaged over the other swept options; bands are ± sd over seeds and those"
            + " cells." : "; bands are ± sd over seeds.")
        + (best.isEmpty() ? " No run finished an epoch."
            : " Highest: " + topText + ". The best " + axis.name() + " of each loss: "
                + String.join(", ", best) + ".");
    return new Figure(plot.build(), caption);
  }

  /** The heat map of loss {@code l} over a grid of two swept options. */
  static Figure heatMap(SweepResult r, int l) {
    SweepPlan p = r.plan();
    GridAxis ax = p.grid().axes().get(0);
    GridAxis ay = p.grid().axes().get(1);
    LossChoice loss = p.base().losses().get(l);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < p.cells().size(); c++) {
      for (LossChoice any : p.base().losses()) {
        double m = MeanSd.of(GridReport.finals(r.runs(c), any.label())).mean();
        if (Double.isFinite(m)) {
          lo = Math.min(lo, m);
          hi = Math.max(hi, m);
        }
      }
    }
    if (!(lo < hi)) {
      lo = Double.isFinite(lo) ? lo - 0.005 : 0;
      hi = Double.isFinite(hi) ? hi + 0.005 : 1;
    }
    double[][] values = new double[ay.values().size()][ax.values().size()];
    int bx = -1;
    int by = -1;
    int wx = -1;
    int wy = -1;
    for (int c = 0; c < p.cells().size(); c++) {
      int ix = c / ay.values().size();
      int iy = c % ay.values().size();
      double m = MeanSd.of(GridReport.finals(r.runs(c), loss.label())).mean();
      values[iy][ix] = m;
      if (Double.isFinite(m)) {
        if (bx < 0 || m > values[by][bx]) {
          bx = ix;
          by = iy;
        }
        if (wx < 0 || m < values[wy][wx]) {
          wx = ix;
          wy = iy;
        }
      }
    }
    HeatMapPlot plot = new HeatMapPlot(loss.label() + ": final test accuracy over " + ax.name() + " × "
        + ay.name(), ax.name(), ay.name(), ax.values(), ay.values(), values, lo, hi);
    String caption = loss.label() + "'s mean final test accuracy over seeds in each cell; the colour"
        + " scale, " + Numbers.format(lo, 3) + " to " + Numbers.format(hi, 3) + ", is shared by every"
        + " loss's map. " + (bx < 0 ? "No run finished an epoch."
            : "Best: " + ax.name() + "=" + ax.values().get(bx) + ", " + ay.name() + "="
                + ay.values().get(by) + " (" + Numbers.format(values[by][bx], 3) + "); worst: "
                + ax.name() + "=" + ax.values().get(wx) + ", " + ay.name() + "=" + ay.values().get(wy)
                + " (" + Numbers.format(values[wy][wx], 3) + ").");
    return new Figure(plot, caption);
  }

  /** Final test accuracies of {@code loss}'s runs in every cell where axis {@code a} is {@code value}. */
  private static double[] accuracies(SweepResult r, int a, String value, String loss) {
    String name = r.plan().grid().axes().get(a).name();
    List<Double> out = new ArrayList<>();
    for (int c = 0; c < r.plan().cells().size(); c++) {
      if (r.plan().cells().get(c).values().get(name).equals(value)) {
        for (RunResult run : r.runs(c)) {
          if (run.loss().equals(loss) && run.last() != null) {
            out.add(run.last().testAccuracy());
          }
        }
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The axis's values as numbers, or {@code null} when they are not all numbers. */
  static double[] numericX(GridAxis axis) {
    double[] x = new double[axis.values().size()];
    if (axis.name().equals("noise")) {
      if (noiseKind(axis) == null) {
        return null;
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = Noise.parse(axis.values().get(i)).rate();
      }
      return increasing(x) ? x : null;
    }
    for (int i = 0; i < x.length; i++) {
      try {
        x[i] = Double.parseDouble(axis.values().get(i));
      } catch (NumberFormatException e) {
        return null;
      }
      if (!Double.isFinite(x[i])) {
        return null;
      }
    }
    return increasing(x) ? x : null;
  }

  /** The one kind of a noise axis's noisy values, or {@code null} when they mix kinds. */
  private static String noiseKind(GridAxis axis) {
    String kind = null;
    for (String v : axis.values()) {
      Noise n = Noise.parse(v);
      if (!n.none()) {
        if (kind != null && !kind.equals(n.kind().label())) {
          return null;
        }
        kind = n.kind().label();
      }
    }
    return kind;
  }

  private static boolean increasing(double[] x) {
    for (int i = 1; i < x.length; i++) {
      if (!(x[i] > x[i - 1])) {
        return false;
      }
    }
    return true;
  }

  private static boolean logScale(double[] x) {
    return x[0] > 0 && x[x.length - 1] / x[0] >= 10;
  }
}
