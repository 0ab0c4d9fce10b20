package dev.losslab.experiment;

import dev.losslab.data.DenseDataset;
import dev.losslab.data.SkewedRegression;
import dev.losslab.loss.Losses;
import dev.losslab.nn.Network;
import dev.losslab.report.Curve;
import dev.losslab.report.LinePlot;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Measurement;
import dev.losslab.report.Section;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainerConfig;
import dev.losslab.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001 §1.2.1: minimising squared error gives the conditional mean, absolute error the conditional
 * median. Measured on {@link SkewedRegression#defaults()} ({@code y = 1 + 2x + (0.5 + x)·ε},
 * {@code ε ~ Exp(1)}: mean and median differ by {@code (0.5 + x)(1 − ln 2)}) with a linear model
 * {@code f(x) = w·x + b}, which can represent both lines exactly: the fitted line is compared with the
 * true mean and the true median on a grid of x in [0, 1].
 */
public final class MeanVsMedianExperiment implements Experiment {

  /** A fit "tracks" a statistic when its distance to it is below this fraction of its distance to the other. */
  static final double TRACKS = 0.5;
  /** Adam's step size. */
  static final double LEARNING_RATE = 0.01;

  @Override
  public String name() {
    return "mean-vs-median";
  }

  @Override
  public int runs(ExperimentContext ctx) {
    return 2 * ctx.seeds();
  }

  @Override
  public String summary() {
    return "skewed-noise regression: MSE fits the conditional mean, MAE the median";
  }

  @Override
  public Section run(ExperimentContext ctx, List<Measurement> ms) {
    SkewedRegression gen = SkewedRegression.defaults();
    DenseDataset data = gen.generate(ctx.trainRows(), 1L);
    int epochs = 5 * ctx.epochs();
    double[] grid = Sweep.grid(0, 1, 101);
    double[] mean = new double[grid.length];
    double[] median = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      mean[i] = gen.mean(grid[i]);
      median[i] = gen.median(grid[i]);
    }
    Section.Builder s = Section.builder("mean-vs-median",
        "mean-vs-median: what squared and absolute error estimate (seed 001 §1.2.1)");
    s.paragraph("Claim (seed 001 §1.2.1): minimising E‖y − f(x)‖² gives f(x) = E[y | x], the conditional"
        + " mean; minimising E‖y − f(x)‖₁ gives the conditional median. Measurement: " + data.name() + ", "
        + data.rows() + " examples; a linear model f(x) = w·x + b (no hidden layer, linear output) trained"
        + " with Adam, η = " + LEARNING_RATE + ", batch 64, " + epochs + " epochs, " + ctx.seeds()
        + " seeds; distance = mean |f(x) − statistic(x)| over 101 points of [0, 1]. True mean: "
        + line(gen.mean(0), gen.mean(1)) + "; true median: " + line(gen.median(0), gen.median(1)) + ".");
    LinePlot.Builder plot = LinePlot.builder("Fits against the true conditional mean and median", "x", "y")
        .yRange(0, 8);
    int shown = Math.min(400, data.rows());
    double[] px = new double[shown];
    double[] py = new double[shown];
    for (int i = 0; i < shown; i++) {
      px[i] = data.features()[i];
      py[i] = data.targets()[i];
    }
    plot.curve(Curve.points("data (first " + shown + ")", px, py))
        .curve(Curve.dashed("true mean E[y|x]", grid, mean))
        .curve(Curve.dashed("true median", grid, median));
    List<List<String>> rows = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    for (String loss : List.of("mse", "mae")) {
      double[] toMean = new double[ctx.seeds()];
      double[] toMedian = new double[ctx.seeds()];
      double[] b = new double[ctx.seeds()];
      double[] w = new double[ctx.seeds()];
      for (int seed = 1; seed <= ctx.seeds(); seed++) {
        Network net = Network.builder(1).output(1).build(seed);
        TrainerConfig t = new TrainerConfig(OptimizerKind.ADAM, LEARNING_RATE, 0.9, 64, epochs, 0.0,
            StoppingRule.none(), seed, false);
        new Trainer(t).train(net, Losses.create(loss), data.examples(), TrainingListener.none());
        double[] f = net.scores(new float[] {0f, 1f}, 2);
        b[seed - 1] = f[0];
        w[seed - 1] = f[1] - f[0];
        double dm = 0;
        double dd = 0;
        for (int i = 0; i < grid.length; i++) {
          double fx = f[0] + (f[1] - f[0]) * grid[i];
          dm += Math.abs(fx - mean[i]);
          dd += Math.abs(fx - median[i]);
        }
        toMean[seed - 1] = dm / grid.length;
        toMedian[seed - 1] = dd / grid.length;
        ms.add(new Measurement(name(), loss, seed, 0, "intercept", b[seed - 1]));
        ms.add(new Measurement(name(), loss, seed, 0, "slope", w[seed - 1]));
        ms.add(new Measurement(name(), loss, seed, 0, "distance_to_mean", toMean[seed - 1]));
        ms.add(new Measurement(name(), loss, seed, 0, "distance_to_median", toMedian[seed - 1]));
        if (seed == 1) {
          double[] fit = new double[grid.length];
          for (int i = 0; i < grid.length; i++) {
            fit[i] = f[0] + (f[1] - f[0]) * grid[i];
          }
          plot.curve(Curve.of(loss + " fit (seed 1)", grid, fit));
        }
        ctx.progress().accept(name() + ": " + loss + " seed " + seed);
      }
      MeanSd dMean = MeanSd.of(toMean);
      MeanSd dMedian = MeanSd.of(toMedian);
      rows.add(List.of(loss, MeanSd.of(b).format(4), MeanSd.of(w).format(4), dMean.format(4),
          dMedian.format(4)));
      boolean mse = loss.equals("mse");
      double near = mse ? dMean.mean() : dMedian.mean();
      double far = mse ? dMedian.mean() : dMean.mean();
      verdicts.add(Verdict.of(loss + " fits the conditional " + (mse ? "mean" : "median"),
          near < TRACKS * far, "its line is " + Verdict.num(near) + " from the " + (mse ? "mean" : "median")
              + " and " + Verdict.num(far) + " from the " + (mse ? "median" : "mean")
              + " (supported when the first is below " + TRACKS + " × the second)"));
    }
    s.table("Fitted lines and their distance to the true statistics (mean ± sd over seeds)",
        List.of("loss", "intercept b", "slope w", "distance to mean", "distance to median"), rows);
    for (String v : verdicts) {
      s.paragraph(v);
    }
    s.figure("mean-vs-median", plot.build(),
        "Skewed data (points), the true mean and median (dashed), and the two fitted lines (y axis cut at 8).");
    return s.build();
  }

  private static String line(double at0, double at1) {
    return "y = " + Verdict.num(at0) + " + " + Verdict.num(at1 - at0) + "·x";
  }
}
