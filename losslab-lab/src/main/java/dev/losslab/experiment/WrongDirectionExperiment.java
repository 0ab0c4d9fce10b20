package dev.losslab.experiment;

import dev.losslab.report.Block;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Measurement;
import dev.losslab.report.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000 §4: squared error on raw scores pushes incorrect classes up (∂L/∂s_j = (2/K) s_j < 0 for a
 * negative incorrect score), and exp-mse, {@code (1/K)‖y − e^s‖²}, is proposed as the fix since its
 * incorrect-class derivative {@code (2/K) e^{2 s_j}} is always positive. Measured: the wrong-direction
 * fraction early (epoch 1) and late (last epoch) for each loss, and what exp-mse costs in accuracy,
 * stalled examples and divergence.
 */
public final class WrongDirectionExperiment implements Experiment {

  /** MSE "pushes incorrect classes up" when more than this fraction of incorrect classes go up. */
  static final double PUSH_THRESHOLD = 0.05;
  /** exp-mse "fixes it" when no epoch of any run has more than this fraction. */
  static final double FIX_THRESHOLD = 0.001;
  /** An accuracy difference beyond this (2 points) counts as a cost. */
  static final double ACCURACY_MARGIN = 0.02;

  @Override
  public String name() {
    return "wrong-direction";
  }

  @Override
  public int runs(ExperimentContext ctx) {
    return 5 * ctx.seeds();
  }

  @Override
  public String summary() {
    return "how often each loss pushes an incorrect class up; does exp-mse fix it, at what cost";
  }

  @Override
  public Section run(ExperimentContext ctx, List<Measurement> ms) {
    List<LossChoice> losses = LossChoice.parseList("cross-entropy,mse,softmax-mse,exp-mse,mae");
    CompareData data = ctx.data();
    ModelSetup setup = ctx.classifier();
    List<RunResult> runs = ctx.compare(losses, setup, data);
    CompareConfig c = ctx.config(losses, setup, data);
    Section inner = CompareReport.section("wrong-direction", "", name(), c, DataInfo.of(data, setup), runs, ms);

    Section.Builder s = Section.builder("wrong-direction",
        "wrong-direction: does MSE update incorrect classes the wrong way? (seed 000 §4)");
    s.paragraph("Claim (seed 000 §4): with MSE on the scores, an incorrect class j gets ∂L/∂s_j < 0 whenever"
        + " s_j < 0, so gradient descent pushes it up; exp-mse (1/K)‖y − e^s‖² has ∂L/∂s_j = (2/K)e^{2s_j}"
        + " > 0 for every incorrect class and so \"solves the problem\". Measurement: the fraction of"
        + " incorrect-class scores with ∂L/∂s_j < 0 on " + c.sample() + " training examples after epoch 1"
        + " and after the last epoch, mean over " + ctx.seeds() + " seeds; final test accuracy; stalled"
        + " fraction; diverged runs.");
    List<List<String>> rows = new ArrayList<>();
    for (LossChoice lc : losses) {
      List<RunResult> rs = SeedCurves.of(runs, lc.label());
      rows.add(List.of(lc.label(), Verdict.pct(early(rs)), Verdict.pct(late(rs)),
          Verdict.pct(maxOverEpochs(rs)), SeedCurves.last(rs, EpochRecord::testAccuracy).format(4),
          Verdict.pct(SeedCurves.last(rs, e -> e.diagnostics().stalled()).mean()),
          rs.stream().filter(RunResult::diverged).count() + "/" + rs.size()));
    }
    s.table("Wrong-direction fraction early and late, and what it costs",
        List.of("loss", "wrong direction, epoch 1", "wrong direction, last epoch", "max over epochs",
            "final test accuracy", "stalled, last epoch", "diverged runs"), rows);

    List<RunResult> mse = SeedCurves.of(runs, "mse");
    List<RunResult> exp = SeedCurves.of(runs, "exp-mse");
    double mseEarly = early(mse);
    s.paragraph(Verdict.of("MSE pushes incorrect classes up", mseEarly > PUSH_THRESHOLD,
        "after epoch 1, " + Verdict.pct(mseEarly) + " of incorrect-class scores have ∂L/∂s_j < 0 under"
            + " mse, last epoch " + Verdict.pct(late(mse)) + " (threshold " + Verdict.pct(PUSH_THRESHOLD) + ")"));
    double expMax = maxOverEpochs(exp);
    s.paragraph(Verdict.of("exp-mse removes wrong-direction updates", expMax <= FIX_THRESHOLD,
        "the largest wrong-direction fraction over all exp-mse epochs and seeds is " + Verdict.pct(expMax)
            + " (threshold " + Verdict.pct(FIX_THRESHOLD) + ")"));
    MeanSd accMse = SeedCurves.last(mse, EpochRecord::testAccuracy);
    MeanSd accExp = SeedCurves.last(exp, EpochRecord::testAccuracy);
    MeanSd accCe = SeedCurves.last(SeedCurves.of(runs, "cross-entropy"), EpochRecord::testAccuracy);
    double gap = accExp.mean() - accMse.mean();
    long diverged = exp.stream().filter(RunResult::diverged).count();
    double stalled = SeedCurves.last(exp, e -> e.diagnostics().stalled()).mean();
    s.paragraph(Verdict.of("exp-mse costs nothing in accuracy", gap >= -ACCURACY_MARGIN && diverged == 0,
        "exp-mse reaches " + accExp.format(4) + " test accuracy against mse " + accMse.format(4)
            + " and cross-entropy " + accCe.format(4) + " (difference to mse " + Verdict.num(gap)
            + ", margin " + ACCURACY_MARGIN + "); " + diverged + " of " + exp.size()
            + " exp-mse runs diverged; " + Verdict.pct(stalled) + " of exp-mse's training examples are"
            + " stalled at the end"
            + (stalled > PUSH_THRESHOLD ? " (misclassified with a vanishing gradient: e^{s_y} → 0 as the"
                + " correct score falls, the saturation seed 001 warns of)" : "")));
    for (Block b : inner.blocks()) {
      if (!(b instanceof Block.Paragraph)) {
        s.block(b);
      }
    }
    return s.build();
  }

  static double early(List<RunResult> rs) {
    return at(rs, 0);
  }

  static double late(List<RunResult> rs) {
    return SeedCurves.last(rs, e -> e.diagnostics().wrongDirection()).mean();
  }

  static double at(List<RunResult> rs, int index) {
    double sum = 0;
    int n = 0;
    for (RunResult r : rs) {
      if (r.epochs().size() > index) {
        sum += r.epochs().get(index).diagnostics().wrongDirection();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  static double maxOverEpochs(List<RunResult> rs) {
    double m = 0;
    for (RunResult r : rs) {
      for (EpochRecord e : r.epochs()) {
        m = Math.max(m, e.diagnostics().wrongDirection());
      }
    }
    return m;
  }
}
