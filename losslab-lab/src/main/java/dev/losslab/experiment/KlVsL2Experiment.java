package dev.losslab.experiment;

import dev.losslab.report.Block;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Measurement;
import dev.losslab.report.Section;
import dev.losslab.train.StoppingRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002 §6.7: KL rises much more steeply than L2 away from the target, its derivative is not 0 at the
 * minimum (it is ±1 for d ∈ {0, 1}) while L2's is, and so training should stop when the loss stops
 * changing rather than when the gradient vanishes. Measured: the curves of {@link Explore#klVsL2} and
 * training runs of cross-entropy (KL with one-hot targets) and mse under both stopping rules of the
 * trainer.
 */
public final class KlVsL2Experiment implements Experiment {

  /** "Much more steeply": KL at the wrong end at least this many times L2 there. */
  static final double STEEPER = 2.0;
  /** "Not zero at the minimum": |dKL/dy| above this; "zero": |dL2/dy| below {@link #FLAT}. */
  static final double NOT_ZERO = 0.5;
  static final double FLAT = 0.01;
  /** The stopping rules compared. */
  static final double GRADIENT_NORM = 1e-3;
  static final double LOSS_CHANGE = 1e-3;
  /** "Loses nothing": the loss-change stop's accuracy within this of the other rule's. */
  static final double SAME_ACCURACY = 0.01;

  @Override
  public String name() {
    return "kl-vs-l2";
  }

  @Override
  public int runs(ExperimentContext ctx) {
    return 4 * ctx.seeds();
  }

  @Override
  public String summary() {
    return "KL vs L2: steepness, the gradient at the optimum, and gradient-norm vs loss-change stopping";
  }

  @Override
  public Section run(ExperimentContext ctx, List<Measurement> ms) {
    ExploreConfig ec = new ExploreConfig(LossChoice.parseList("cross-entropy"), -10, 10,
        new double[] {0, 1}, 401);
    Section curves = Explore.klVsL2(ec, ms, name());
    Block.Table table = (Block.Table) curves.blocks().stream().filter(b -> b instanceof Block.Table)
        .findFirst().orElseThrow();
    Section.Builder s = Section.builder("kl-vs-l2",
        "kl-vs-l2: steepness, the gradient at the optimum, and when to stop (seed 002 §6.7)");
    s.paragraph("Claim (seed 002 §6.7): both KL and L2 are minimal at y = d; KL rises much more steeply away"
        + " from d; KL's derivative is not 0 at the minimum (±1) while L2's is; so gradient descent should"
        + " stop when the loss stops changing, not when the gradient is 0. Measurement: KL and L2 on one"
        + " output (below), then a linear model (softmax regression for cross-entropy, which is KL for"
        + " one-hot targets, and linear least squares for mse; SGD with momentum 0.9, η = 0.05, batch 32)"
        + " trained on the generated clusters with a budget of "
        + budget(ctx) + " epochs under the trainer's two rules: gradient-norm:" + GRADIENT_NORM
        + " (stop once ‖∇θJ‖₂ < " + GRADIENT_NORM + ") and loss-change:" + LOSS_CHANGE
        + " (stop once the relative change of J between epochs < " + LOSS_CHANGE + ").");
    for (Block b : curves.blocks()) {
      if (!(b instanceof Block.Paragraph)) {
        s.block(b);
      }
    }
    // the table's rows: target, y near d, dKL/dy, dL2/dy, wrong y, KL there, L2 there
    List<String> one = table.rows().get(table.rows().size() - 1);
    double klFar = Double.parseDouble(one.get(5));
    double l2Far = Double.parseDouble(one.get(6));
    s.paragraph(Verdict.of("KL rises much more steeply than L2 away from the target",
        klFar >= STEEPER * l2Far, "for d = " + one.get(0) + " at y = " + one.get(4) + ", KL = " + one.get(5)
            + " against L2 = " + one.get(6) + " (ratio " + Verdict.num(klFar / l2Far) + ", threshold "
            + STEEPER + ")"));
    boolean allNonZero = true;
    boolean allFlat = true;
    List<String> at = new ArrayList<>();
    for (List<String> r : table.rows()) {
      double kl = Math.abs(Double.parseDouble(r.get(2)));
      double l2 = Math.abs(Double.parseDouble(r.get(3)));
      allNonZero &= kl > NOT_ZERO;
      allFlat &= l2 < FLAT;
      at.add("d = " + r.get(0) + ": dKL/dy = " + r.get(2) + ", dL2/dy = " + r.get(3));
    }
    s.paragraph(Verdict.of("KL's derivative is not 0 at its minimum while L2's is", allNonZero && allFlat,
        String.join("; ", at) + " at y within 0.001 of d (thresholds |dKL/dy| > " + NOT_ZERO
            + ", |dL2/dy| < " + FLAT + ")"));

    var data = ctx.data();
    int budget = budget(ctx);
    List<List<String>> rows = new ArrayList<>();
    List<LossChoice> losses = LossChoice.parseList("cross-entropy,mse");
    double ceLossChangeEpochs = Double.NaN;
    double ceGradEpochs = Double.NaN;
    double ceLossChangeAcc = Double.NaN;
    double ceGradAcc = Double.NaN;
    int ceGradFired = 0;
    double mseLossChangeEpochs = Double.NaN;
    int mseGradFired = 0;
    for (StoppingRule rule : List.of(StoppingRule.gradientNorm(GRADIENT_NORM),
        StoppingRule.lossChange(LOSS_CHANGE))) {
      ModelSetup base = ctx.classifier(dev.losslab.train.OptimizerKind.MOMENTUM, 0.05, budget);
      ModelSetup setup = new ModelSetup(List.of(), base.activation(), base.trainer().withStopping(rule));
      List<RunResult> runs = ctx.compare(losses, setup, data);
      for (RunResult r : runs) {
        ms.add(new Measurement(name(), r.loss() + " " + rule.describe(), r.seed(), 0, "epochs_run",
            r.epochs().size()));
        ms.add(new Measurement(name(), r.loss() + " " + rule.describe(), r.seed(), 0, "final_test_accuracy",
            r.last().testAccuracy()));
      }
      for (LossChoice lc : losses) {
        List<RunResult> rs = SeedCurves.of(runs, lc.label());
        MeanSd epochs = MeanSd.of(rs.stream().mapToDouble(r -> r.epochs().size()).toArray());
        MeanSd acc = SeedCurves.last(rs, EpochRecord::testAccuracy);
        long fired = rs.stream().filter(r -> !r.stopReason().equals("EPOCHS")).count();
        rows.add(List.of(lc.label(), rule.describe(), epochs.formatCount(), fired + "/" + rs.size(),
            acc.format(4), SeedCurves.last(rs, EpochRecord::gradientNorm).format(5),
            SeedCurves.last(rs, EpochRecord::trainLoss).format(4)));
        if (lc.label().equals("mse")) {
          if (rule instanceof StoppingRule.GradientNorm) {
            mseGradFired = (int) fired;
          } else {
            mseLossChangeEpochs = epochs.mean();
          }
        }
        if (lc.label().equals("cross-entropy")) {
          if (rule instanceof StoppingRule.GradientNorm) {
            ceGradEpochs = epochs.mean();
            ceGradAcc = acc.mean();
            ceGradFired = (int) fired;
          } else {
            ceLossChangeEpochs = epochs.mean();
            ceLossChangeAcc = acc.mean();
          }
        }
      }
    }
    s.table("Training stopped by the gradient norm or by the change of the loss (mean ± sd over seeds)",
        List.of("loss", "rule", "epochs run", "runs the rule stopped", "final test accuracy",
            "final ‖∇θJ‖₂", "final training loss"), rows);
    boolean holds = ceLossChangeEpochs < ceGradEpochs
        && Math.abs(ceLossChangeAcc - ceGradAcc) <= SAME_ACCURACY;
    s.paragraph(Verdict.of("for cross-entropy (KL), stopping on the change of the loss ends training"
        + " sooner than waiting for a small gradient, at the same accuracy", holds,
        "the loss-change rule stopped after " + Verdict.count(ceLossChangeEpochs) + " epochs on average with"
            + " test accuracy " + Verdict.num(ceLossChangeAcc) + "; the gradient-norm rule fired in "
            + ceGradFired + " of " + ctx.seeds() + " runs within " + budget + " epochs (mean "
            + Verdict.count(ceGradEpochs) + " epochs) with accuracy " + Verdict.num(ceGradAcc)
            + " (supported when the first is sooner and the accuracies differ by at most "
            + SAME_ACCURACY + "). Note that the trainer's rule reads ‖∇θJ‖ of the parameters, which does"
            + " shrink near a minimum of the mean loss; seed 002's ±1 is the derivative with respect to"
            + " the output probability"));
    s.paragraph("For comparison, mse (L2, whose output derivative is 0 at the optimum): the loss-change rule"
        + " stopped after " + Verdict.count(mseLossChangeEpochs) + " epochs on average and the gradient-norm"
        + " rule fired in " + mseGradFired + " of " + ctx.seeds() + " runs"
        + (mseGradFired == 0 && ceGradFired == 0
            ? ": with mini-batch noise neither loss got below the gradient threshold, L2 no more than KL."
            : "."));
    return s.build();
  }

  static int budget(ExperimentContext ctx) {
    return 3 * ctx.epochs();
  }
}
