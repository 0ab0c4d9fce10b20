package dev.losslab.experiment;

import dev.losslab.data.LabelNoise;
import dev.losslab.report.Curve;
import dev.losslab.report.LinePlot;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Measurement;
import dev.losslab.report.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Beyond the seeds: bounded losses such as MAE are known to be robust to symmetric label noise where
 * cross-entropy is not (Ghosh, Kumar and Sastry, AAAI 2017). Measured: test accuracy on clean test labels
 * after training on labels of which a fraction (0–40 %) was replaced by another class, per loss.
 */
public final class LabelNoiseExperiment implements Experiment {

  static final double[] RATES = {0.0, 0.1, 0.2, 0.3, 0.4};
  /** "Resists better": MAE's accuracy drop from 0 % to 40 % noise smaller than CE's by this much. */
  static final double MARGIN = 0.02;

  @Override
  public String name() {
    return "label-noise";
  }

  @Override
  public int runs(ExperimentContext ctx) {
    return RATES.length * 6 * ctx.seeds();
  }

  @Override
  public String summary() {
    return "accuracy against injected label noise (0-40 %) per loss: do bounded losses resist it?";
  }

  @Override
  public Section run(ExperimentContext ctx, List<Measurement> ms) {
    List<LossChoice> losses = LossChoice.parseList("cross-entropy,softmax-mae,mae,softmax-mse,mse,focal");
    CompareData clean = ctx.data();
    ModelSetup setup = ctx.classifier();
    double[][] mean = new double[losses.size()][RATES.length];
    double[][] sd = new double[losses.size()][RATES.length];
    for (int r = 0; r < RATES.length; r++) {
      var noisy = LabelNoise.inject(clean.train(), RATES[r], 1000 + r);
      CompareData data = new CompareData(noisy, clean.test(), "noise " + RATES[r]);
      List<RunResult> runs = ctx.compare(losses, setup, data);
      for (int l = 0; l < losses.size(); l++) {
        List<RunResult> rs = SeedCurves.of(runs, losses.get(l).label());
        MeanSd acc = SeedCurves.last(rs, EpochRecord::testAccuracy);
        mean[l][r] = acc.mean();
        sd[l][r] = acc.sd();
        for (RunResult run : rs) {
          ms.add(new Measurement(name(), run.loss(), run.seed(), RATES[r], "test_accuracy",
              run.last() == null ? Double.NaN : run.last().testAccuracy()));
        }
      }
    }
    Section.Builder s = Section.builder("label-noise",
        "label-noise: accuracy against injected label noise (beyond the seeds)");
    s.paragraph("Claim (literature, not the seeds: Ghosh, Kumar and Sastry, AAAI 2017): bounded, symmetric"
        + " losses such as MAE are robust to symmetric label noise, cross-entropy is not. Measurement: the"
        + " generated Gaussian clusters; a fraction of the training labels (exactly round(rate·n) examples,"
        + " seed fixed per rate) replaced by a uniformly drawn other class; the shared 32-ReLU classifier"
        + " trained " + ctx.epochs() + " epochs per loss and seed (" + ctx.seeds() + " seeds); test accuracy"
        + " on the clean test labels after the last epoch. The MAE of that paper is on the softmax"
        + " probabilities, Σ|e_y − softmax(s)| = 2 − 2p_y, bounded: losslab's softmax-mae; mae on the raw"
        + " scores is unbounded and is shown for contrast.");
    LinePlot.Builder plot = LinePlot.builder("Clean test accuracy against training label noise",
        "fraction of training labels replaced", "test accuracy");
    List<String> header = new ArrayList<>(List.of("loss"));
    for (double rate : RATES) {
      header.add("noise " + Verdict.pct(rate));
    }
    header.add("drop 0 → " + Verdict.pct(RATES[RATES.length - 1]));
    List<List<String>> rows = new ArrayList<>();
    int last = RATES.length - 1;
    for (int l = 0; l < losses.size(); l++) {
      plot.curve(Curve.withBand(losses.get(l).label(), RATES, mean[l], sd[l]));
      List<String> row = new ArrayList<>(List.of(losses.get(l).label()));
      for (int r = 0; r < RATES.length; r++) {
        row.add(new MeanSd(mean[l][r], sd[l][r], ctx.seeds()).format(4));
      }
      row.add(Verdict.num(mean[l][0] - mean[l][last]));
      rows.add(row);
    }
    s.table("Clean test accuracy, mean ± sd over seeds", header, rows);
    s.figure("label-noise", plot.build(), "Bands are mean ± sd over seeds.");
    double dropCe = mean[0][0] - mean[0][last];
    double dropMae = mean[1][0] - mean[1][last];
    s.paragraph(Verdict.of("MAE on probabilities (softmax-mae) resists label noise better than cross-entropy",
        dropMae < dropCe - MARGIN,
        "from 0 to " + Verdict.pct(RATES[last]) + " noise, cross-entropy's accuracy falls by "
            + Verdict.num(dropCe) + " (to " + Verdict.num(mean[0][last]) + ") and softmax-mae's by "
            + Verdict.num(dropMae) + " (to " + Verdict.num(mean[1][last]) + "); supported when softmax-mae's drop is"
            + " smaller by more than " + MARGIN));
    int best = 0;
    for (int l = 1; l < losses.size(); l++) {
      if (mean[l][last] > mean[best][last]) {
        best = l;
      }
    }
    s.paragraph("At " + Verdict.pct(RATES[last]) + " noise the most accurate loss is "
        + losses.get(best).label() + " (" + Verdict.num(mean[best][last]) + ").");
    return s.build();
  }
}
