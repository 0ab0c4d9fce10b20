package dev.losslab.experiment;

import dev.losslab.data.DenseDataset;
import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Target;
import dev.losslab.nn.Network;
import dev.losslab.report.Curve;
import dev.losslab.report.LinePlot;
import dev.losslab.report.Measurement;
import dev.losslab.report.Section;
import dev.losslab.train.EpochMetrics;
import dev.losslab.train.Examples;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainingListener;
import dev.losslab.unit.OutputUnit;
import dev.losslab.unit.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002 §6.9: with soft targets (a teacher's probabilities) cross-entropy and KL divergence differ by
 * the entropy of the targets, a constant, so they have the same gradients and train the same model; KL
 * reaches 0 when the student matches the teacher while cross-entropy stops at the target entropy.
 * Measured: a teacher network trained with cross-entropy gives soft targets {@code softmax(s/T)} with
 * T = {@value #TEMPERATURE}; two students with the same initial weights and example order train on them,
 * one with cross-entropy, one with kl-divergence.
 */
public final class CeVsKlExperiment implements Experiment {

  static final double TEMPERATURE = 2.0;
  /** "Same gradient": max |g_CE − g_KL| per score below this. */
  static final double SAME_GRADIENT = 1e-9;
  /** "Differ by the entropy": |(CE − KL) − H| below this at every epoch. */
  static final double SAME_OFFSET = 1e-6;
  /** "Same trained model": max |θ_CE − θ_KL| below this. */
  static final double SAME_PARAMETERS = 1e-6;

  @Override
  public String name() {
    return "ce-vs-kl";
  }

  @Override
  public int runs(ExperimentContext ctx) {
    return ctx.seeds();
  }

  @Override
  public String summary() {
    return "soft targets: KL reaches 0, CE stops at the target entropy; same gradients, same model";
  }

  @Override
  public Section run(ExperimentContext ctx, List<Measurement> ms) {
    CompareData data = ctx.data();
    DenseDataset train = data.train();
    int k = train.classes();
    int n = train.rows();
    ModelSetup setup = ctx.classifier();
    Network teacher = setup.network(train.columns(), k, 99);
    new Trainer(setup.trainer().withSeed(99)).train(teacher, Losses.create("cross-entropy"),
        train.examples(), TrainingListener.none());
    double[] s = teacher.scores(train.features(), n);
    for (int i = 0; i < s.length; i++) {
      s[i] /= TEMPERATURE;
    }
    double[] soft = new double[n * k];
    OutputUnit softmax = Units.outputUnit("softmax");
    double entropy = 0;
    for (int i = 0; i < n; i++) {
      softmax.forward(s, i * k, k, soft, i * k);
      for (int j = 0; j < k; j++) {
        double p = soft[i * k + j];
        if (p > 0) {
          entropy -= p * Math.log(p);
        }
      }
    }
    entropy /= n;
    Examples examples = Examples.dense(train.features(), n, train.columns(), soft, k);

    Section.Builder sec = Section.builder("ce-vs-kl",
        "ce-vs-kl: cross-entropy and KL with a teacher's soft targets (seed 002 §6.9)");
    sec.paragraph("Claim (seed 002 §6.9): cross-entropy equals KL divergence plus the entropy H of the"
        + " targets, a constant, so both have the same gradients and the same trained model; KL reaches 0"
        + " when the student matches the teacher while cross-entropy stops at H. Measurement: a teacher"
        + " (the shared 32-ReLU classifier, cross-entropy, seed 99) gives soft targets softmax(s/"
        + TEMPERATURE + ") on the " + n + " training examples, mean entropy H = " + Verdict.num(entropy)
        + " nats. For each of " + ctx.seeds() + " seeds two students start from the same weights and see"
        + " the examples in the same order, one trained with cross-entropy, one with kl-divergence.");

    Loss ce = Losses.create("cross-entropy");
    Loss kl = Losses.create("kl-divergence");
    List<List<String>> rows = new ArrayList<>();
    double worstGradient = 0;
    double worstOffset = 0;
    double worstParameters = 0;
    double worstAgreement = 1;
    double klFinal = 0;
    double ceFinal = 0;
    LinePlot.Builder plot = LinePlot.builder("Training loss of the two students", "epoch",
        "mean training loss (nats)");
    for (int seed = 1; seed <= ctx.seeds(); seed++) {
      Network a = setup.network(train.columns(), k, seed);
      Network b = a.copy();
      worstGradient = Math.max(worstGradient, maxGradientGap(ce, kl, a, train, soft, k));
      List<Double> ceLoss = train(setup, seed, a, ce, examples);
      List<Double> klLoss = train(setup, seed, b, kl, examples);
      int epochs = Math.min(ceLoss.size(), klLoss.size());
      double[] x = new double[epochs];
      double[] yc = new double[epochs];
      double[] yk = new double[epochs];
      for (int e = 0; e < epochs; e++) {
        x[e] = e + 1;
        yc[e] = ceLoss.get(e);
        yk[e] = klLoss.get(e);
        worstOffset = Math.max(worstOffset, Math.abs(yc[e] - yk[e] - entropy));
        ms.add(new Measurement(name(), "cross-entropy", seed, e + 1, "train_loss", yc[e]));
        ms.add(new Measurement(name(), "kl-divergence", seed, e + 1, "train_loss", yk[e]));
      }
      double[] pa = a.parameters();
      double[] pb = b.parameters();
      double dp = 0;
      for (int i = 0; i < pa.length; i++) {
        dp = Math.max(dp, Math.abs(pa[i] - pb[i]));
      }
      worstParameters = Math.max(worstParameters, dp);
      int[] qa = a.predict(data.test().features(), data.test().rows());
      int[] qb = b.predict(data.test().features(), data.test().rows());
      int same = 0;
      for (int i = 0; i < qa.length; i++) {
        same += qa[i] == qb[i] ? 1 : 0;
      }
      double agreement = same / (double) qa.length;
      worstAgreement = Math.min(worstAgreement, agreement);
      ceFinal += yc[epochs - 1] / ctx.seeds();
      klFinal += yk[epochs - 1] / ctx.seeds();
      rows.add(List.of(Integer.toString(seed), Verdict.num(yc[epochs - 1]), Verdict.num(yk[epochs - 1]),
          Verdict.num(yc[epochs - 1] - yk[epochs - 1]), String.format(java.util.Locale.ROOT, "%.2e", dp),
          Verdict.pct(agreement)));
      ms.add(new Measurement(name(), "students", seed, 0, "max_parameter_difference", dp));
      ms.add(new Measurement(name(), "students", seed, 0, "prediction_agreement", agreement));
      if (seed == 1) {
        double[] h = new double[epochs];
        java.util.Arrays.fill(h, entropy);
        plot.curve(Curve.of("cross-entropy", x, yc)).curve(Curve.of("kl-divergence", x, yk))
            .curve(Curve.dashed("target entropy H", x, h));
      }
      ctx.progress().accept(name() + ": seed " + seed);
    }
    ms.add(new Measurement(name(), "targets", Measurement.NO_SEED, 0, "mean_entropy", entropy));
    ms.add(new Measurement(name(), "students", Measurement.NO_SEED, 0, "max_gradient_difference", worstGradient));
    sec.table("Final training losses and how far apart the two students end (H = " + Verdict.num(entropy) + ")",
        List.of("seed", "cross-entropy", "kl-divergence", "difference", "max |θ_CE − θ_KL|",
            "test predictions equal"), rows);
    sec.figure("ce-vs-kl-loss", plot.build(), "Seed 1: the two training losses and the target entropy.");
    sec.paragraph(Verdict.of("cross-entropy = KL + H(targets)", worstOffset < SAME_OFFSET,
        "the largest |(CE − KL) − H| over all epochs and seeds is "
            + String.format(java.util.Locale.ROOT, "%.2e", worstOffset) + " (threshold " + SAME_OFFSET + ")"));
    sec.paragraph(Verdict.of("same gradients", worstGradient < SAME_GRADIENT,
        "at the students' initial weights the largest |∂CE/∂s_j − ∂KL/∂s_j| over the training set is "
            + String.format(java.util.Locale.ROOT, "%.2e", worstGradient) + " (threshold " + SAME_GRADIENT + ")"));
    sec.paragraph(Verdict.of("same trained model", worstParameters < SAME_PARAMETERS && worstAgreement == 1.0,
        "after training, the largest parameter difference is "
            + String.format(java.util.Locale.ROOT, "%.2e", worstParameters) + " (threshold " + SAME_PARAMETERS
            + ") and the two students agree on " + Verdict.pct(worstAgreement) + " of test predictions"));
    sec.paragraph(Verdict.of("KL approaches 0 while cross-entropy stops at H", klFinal < 0.1 * entropy
            && ceFinal >= entropy,
        "final KL " + Verdict.num(klFinal) + " (supported when below 10 % of H = " + Verdict.num(0.1 * entropy)
            + "), final cross-entropy " + Verdict.num(ceFinal) + " against H = " + Verdict.num(entropy)));
    return sec.build();
  }

  private static List<Double> train(ModelSetup setup, long seed, Network net, Loss loss, Examples ex) {
    List<Double> out = new ArrayList<>();
    new Trainer(setup.trainer().withSeed(seed).withFullPassMetrics(true)).train(net, loss, ex,
        new TrainingListener() {
          @Override
          public void onEpoch(EpochMetrics m, Network network) {
            out.add(m.dataLoss());
          }
        });
    return out;
  }

  /** Max over examples and scores of |∂CE/∂s − ∂KL/∂s| at the network's current scores. */
  private static double maxGradientGap(Loss ce, Loss kl, Network net, DenseDataset train, double[] soft,
      int k) {
    int n = train.rows();
    double[] s = net.scores(train.features(), n);
    Target t = Target.dense(n, k, soft);
    double[] g1 = new double[k];
    double[] g2 = new double[k];
    double worst = 0;
    for (int i = 0; i < n; i++) {
      ce.evaluate(s, i * k, k, t, i, g1, 0);
      kl.evaluate(s, i * k, k, t, i, g2, 0);
      for (int j = 0; j < k; j++) {
        worst = Math.max(worst, Math.abs(g1[j] - g2[j]));
      }
    }
    return worst;
  }
}
