package dev.losslab.experiment;

import dev.losslab.data.DenseDataset;
import dev.losslab.loss.Losses;
import dev.losslab.nn.DenseLayer;
import dev.losslab.nn.Network;
import dev.losslab.report.Block;
import dev.losslab.report.MeanSd;
import dev.losslab.report.Measurement;
import dev.losslab.report.Numbers;
import dev.losslab.report.Section;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001 §2.2–2.3: squared error behind a saturating sigmoid or softmax unit gives a vanishing gradient
 * when the model is confidently wrong, so it cannot correct itself, while cross-entropy (the negative
 * log-likelihood) keeps a strong gradient. Measured: a network is first trained with cross-entropy on
 * deliberately wrong labels ({@code (y + 1) mod K}) and its output layer scaled by
 * {@value #CONFIDENCE} so it is confidently wrong; then each loss retrains a copy on the true labels with
 * plain SGD (no momentum, no Adam, which would rescale the small gradients away), and we count the epochs
 * until it recovers.
 */
public final class SaturationExperiment implements Experiment {

  /** Factor applied to the output layer's weights and biases after the wrong pre-training. */
  static final double CONFIDENCE = 4.0;
  /** Recovered: mean test accuracy at least this fraction of the best final accuracy of any loss. */
  static final double RECOVERED = 0.9;
  /** "Much slower": at least this many times the epochs cross-entropy needs, or never. */
  static final double SLOWER = 2.0;
  /** Plain SGD step size of the retraining. */
  static final double LEARNING_RATE = 0.1;

  @Override
  public String name() {
    return "saturation";
  }

  @Override
  public int runs(ExperimentContext ctx) {
    return 7 * ctx.seeds();
  }

  @Override
  public String summary() {
    return "start from confidently wrong weights: which losses recover, and how fast";
  }

  @Override
  public Section run(ExperimentContext ctx, List<Measurement> ms) {
    List<LossChoice> losses = LossChoice.parseList(
        "cross-entropy,softmax-mse,binary-cross-entropy,sigmoid-mse,mse,exp-mse,mae");
    CompareData data = ctx.data();
    DenseDataset train = data.train();
    int k = train.classes();
    ModelSetup pre = ctx.classifier();
    ModelSetup retrain = ctx.classifier(OptimizerKind.SGD, LEARNING_RATE, ctx.epochs());
    int[] shifted = new int[train.rows()];
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] = (train.labels()[i] + 1) % k;
    }
    DenseDataset wrong = train.withLabels(train.name() + "+shifted", shifted);

    List<RunResult> runs = new ArrayList<>();
    for (long seed = 1; seed <= ctx.seeds(); seed++) {
      Network start = pre.network(train.columns(), k, seed);
      new Trainer(pre.trainer().withSeed(seed)).train(start, Losses.create("cross-entropy"),
          wrong.examples(), TrainingListener.none());
      DenseLayer out = start.layers().get(start.layers().size() - 1);
      double[] p = start.parameters();
      for (int e = out.weightOffset(); e < out.biasOffset() + out.outputs(); e++) {
        p[e] *= CONFIDENCE;
      }
      for (LossChoice lc : losses) {
        RunResult r = DenseRun.run(lc, seed, retrain, train, data.test(),
            Math.min(1000, train.rows()), GradientDiagnostics.DEFAULT_STALL_THRESHOLD, start);
        runs.add(r);
        ctx.progress().accept(name() + ": " + lc.label() + " seed " + seed);
      }
    }
    CompareConfig c = ctx.config(losses, retrain, data);
    Section inner = CompareReport.section("saturation", "", name(), c, DataInfo.of(data, retrain), runs, ms);

    Section.Builder s = Section.builder("saturation",
        "saturation: recovering from confidently wrong weights (seed 001 §2.2, §2.3)");
    s.paragraph("Claim (seed 001 §2.2–2.3): squared error on a sigmoid or softmax output saturates when"
        + " the model is confidently wrong, so its gradient vanishes and it \"can fail to train the model"
        + " to change its output\"; cross-entropy always has a strong gradient when the answer is wrong."
        + " Measurement: " + ctx.seeds() + " networks pre-trained with cross-entropy on labels (y + 1) mod K,"
        + " output layer scaled by " + CONFIDENCE + "; each loss then retrains a copy on the true labels"
        + " with plain SGD, η = " + LEARNING_RATE + ", batch 32, " + ctx.epochs() + " epochs. Epoch 0 is"
        + " the starting point. Recovered = mean test accuracy ≥ " + RECOVERED + " × the best final"
        + " accuracy of any loss here.");
    double best = 0;
    for (LossChoice lc : losses) {
      best = Math.max(best, SeedCurves.last(SeedCurves.of(runs, lc.label()), EpochRecord::testAccuracy).mean());
    }
    double target = RECOVERED * best;
    List<List<String>> rows = new ArrayList<>();
    int ceEpochs = -1;
    List<String> slow = new ArrayList<>();
    List<String> fast = new ArrayList<>();
    for (LossChoice lc : losses) {
      List<RunResult> rs = SeedCurves.of(runs, lc.label());
      int rec = recoveryEpoch(rs, target);
      MeanSd acc0 = MeanSd.of(rs.stream().mapToDouble(r -> r.epochs().get(0).testAccuracy()).toArray());
      MeanSd stall0 = MeanSd.of(rs.stream().mapToDouble(r -> r.epochs().get(0).diagnostics().stalled()).toArray());
      rows.add(List.of(lc.label(), acc0.format(3), Verdict.pct(stall0.mean()),
          SeedCurves.last(rs, EpochRecord::testAccuracy).format(4),
          rec < 0 ? "not within " + ctx.epochs() : Integer.toString(rec),
          rs.stream().filter(RunResult::diverged).count() + "/" + rs.size()));
      if (lc.label().equals("cross-entropy")) {
        ceEpochs = rec;
      }
    }
    for (LossChoice lc : losses) {
      if (lc.label().equals("softmax-mse") || lc.label().equals("sigmoid-mse")) {
        int rec = recoveryEpoch(SeedCurves.of(runs, lc.label()), target);
        boolean isSlow = rec < 0 || (ceEpochs > 0 && rec >= SLOWER * ceEpochs);
        (isSlow ? slow : fast).add(lc.label() + " (" + (rec < 0 ? "never" : rec + " epochs") + ")");
      }
    }
    s.table("Start and recovery (accuracy target " + Verdict.num(target) + ")",
        List.of("loss", "test accuracy at start", "stalled at start", "final test accuracy",
            "epochs to recover", "diverged runs"), rows);
    boolean holds = ceEpochs > 0 && fast.isEmpty();
    s.paragraph(Verdict.of("squared error behind sigmoid/softmax recovers much more slowly than"
        + " cross-entropy from confidently wrong weights", holds,
        "cross-entropy recovers in " + (ceEpochs < 0 ? "no epoch within the budget" : ceEpochs + " epochs")
            + "; at least " + Numbers.exact(SLOWER) + "× slower or never: " + (slow.isEmpty() ? "none" : String.join(", ", slow))
            + "; not that slow: " + (fast.isEmpty() ? "none" : String.join(", ", fast))));
    for (Block b : inner.blocks()) {
      if (!(b instanceof Block.Paragraph) && !(b instanceof Block.Table)) {
        s.block(b);
      }
    }
    return s.build();
  }

  /** First epoch at which the mean test accuracy over the runs reaches {@code target}; -1 if none. */
  static int recoveryEpoch(List<RunResult> rs, double target) {
    var band = SeedCurves.band("x", rs, EpochRecord::testAccuracy);
    for (int i = 0; i < band.x().length; i++) {
      if (band.y()[i] >= target) {
        return (int) band.x()[i];
      }
    }
    return -1;
  }
}
