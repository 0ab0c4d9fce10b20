package dev.losslab.experiment;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.report.BarPlot;
import dev.losslab.report.Curve;
import dev.losslab.report.LinePlot;
import dev.losslab.report.Measurement;
import dev.losslab.report.Numbers;
import dev.losslab.report.Report;
import dev.losslab.report.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * The curves of {@code explore}, drawn without training: seed 002's KL-vs-L2 figure, seed 001's
 * saturation of squared error behind sigmoid and softmax units, and the sign and relative size of each
 * class's gradient for a confidently wrong example (seed 000 §4). Every number plotted is also recorded
 * as a measurement.
 */
public final class Explore {
  private Explore() {}

  /** The confidently wrong example of the sign table: class 0 is correct, class 1 is predicted. */
  static final double[] WRONG_EXAMPLE = {-2, 4, 1, -1, -3};

  /** Builds the whole explore report. */
  public static Report report(ExploreConfig c) {
    List<Measurement> ms = new ArrayList<>();
    Report.Builder b = Report.builder("losslab explore: loss curves without training");
    b.configure("command", "explore")
        .configure("losses", String.join(",", c.losses().stream().map(LossChoice::label).toList()))
        .configure("range", c.lo() + ":" + c.hi())
        .configure("targets", java.util.Arrays.toString(c.targets()))
        .configure("points", c.points());
    Provenance.addTo(b);
    b.section(klVsL2(c, ms, "explore"));
    b.section(saturation(c, ms, "explore"));
    b.section(signs(c.losses(), ms, "explore"));
    b.section(weights(c.losses(), ms, "explore"));
    return b.measureAll(ms).build();
  }

  /** Classes of the example-weight sweep. */
  static final int WEIGHT_CLASSES = 10;
  /** Upper end of the example-weight axis: every softmax loss's weight stays below it. */
  static final double WEIGHT_AXIS = 1.5;

  /**
   * The weight each loss gives an example as a function of its correct class's probability: the
   * figure of the generalized cross-entropy (Zhang and Sabuncu 2018) and Taylor cross-entropy (Feng et
   * al. 2020) papers. With {@link #WEIGHT_CLASSES} classes, the correct class 0 at probability
   * {@code p_y} and the others sharing the rest equally ({@code s_0 = log(p_y (K − 1)/(1 − p_y))}, the
   * other scores 0), it records {@code |∂L/∂s_y|}: cross-entropy's is {@code 1 − p_y}, so it weighs badly
   * fitted examples (small {@code p_y}, often mislabelled ones) most; a bounded loss such as MAE on the
   * probabilities gives them almost none.
   */
  public static Section weights(List<LossChoice> losses, List<Measurement> ms, String experiment) {
    int k = WEIGHT_CLASSES;
    double[] py = Sweep.grid(0.001, 0.999, 999);
    Section.Builder s = Section.builder("example-weights",
        "The weight of an example against its correct class's probability (the GCE and Taylor papers)");
    s.paragraph("K = " + k + " classes; the correct class has probability p_y and the other " + (k - 1)
        + " share 1 − p_y equally (score s_y = log(p_y·" + (k - 1) + "/(1 − p_y)), the others 0). A"
        + " gradient step changes the correct class's score in proportion to |∂L/∂s_y|, so the curve is"
        + " the weight the loss gives an example that the model fits with probability p_y. Robust losses"
        + " give little weight to the examples the model finds unlikely (p_y near 0), which under label"
        + " noise are often the mislabelled ones; cross-entropy gives them the most (|∂L/∂s_y| = 1 − p_y).");
    LinePlot.Builder plot = LinePlot.builder("Example weight |∂L/∂s_y| against p_y (K = " + k + ")",
        "probability of the correct class p_y", "|∂L/∂s_y| (axis cut at " + WEIGHT_AXIS + ")")
        .xRange(0, 1).yRange(0, WEIGHT_AXIS);
    List<List<String>> rows = new ArrayList<>();
    double[] probes = {0.01, 0.1, 0.5, 0.9};
    for (LossChoice lc : losses) {
      LabelProbe probe = lc.probe(k);
      double[] s0 = new double[k];
      double[] g = new double[k];
      double[] w = new double[py.length];
      double[] v = new double[py.length];
      for (int i = 0; i < py.length; i++) {
        s0[0] = Math.log(py[i] * (k - 1) / (1 - py[i]));
        v[i] = probe.evaluate(s0, 0, 0, g);
        w[i] = Math.abs(g[0]);
      }
      plot.curve(Curve.of(lc.label(), py, w));
      record(ms, experiment, lc.label() + " (weight)", py, v, w, "value", "|dL/ds_y|");
      List<String> row = new ArrayList<>(List.of(lc.label()));
      for (double at : probes) {
        row.add(Numbers.format(w[nearest(py, at)], 4));
      }
      rows.add(row);
    }
    s.figure("example-weights", plot.build(), "Each loss's |∂L/∂s_y| against p_y, the y axis cut at "
        + WEIGHT_AXIS + "; a loss on the raw scores (mse, mae, exp-mse) is read at the same scores, where"
        + " exp-mse's weight grows as e^{2 s_y} and leaves the figure (the table has the values).");
    List<String> header = new ArrayList<>(List.of("loss"));
    for (double at : probes) {
      header.add("p_y = " + Numbers.exact(at));
    }
    s.table("|∂L/∂s_y| at four probabilities of the correct class", header, rows);
    return s.build();
  }

  /** Seed 002 §6.7: KL and L2 as functions of the output y for each target d, and their derivatives. */
  public static Section klVsL2(ExploreConfig c, List<Measurement> ms, String experiment) {
    Loss bce = Losses.create("binary-cross-entropy");
    Loss l2 = Losses.create("mse");
    double[] ys = Sweep.grid(0.001, 0.999, Math.max(c.points(), 999));
    Section.Builder s = Section.builder("kl-vs-l2", "KL vs L2 as functions of the output (seed 002 §6.7)");
    s.paragraph("For a binary output y ∈ (0, 1) and target d: KL(d‖y) = d log(d/y) + (1 − d) log((1 − d)/(1 − y)),"
        + " computed as losslab's binary-cross-entropy at the logit z = log(y/(1 − y)) minus the target"
        + " entropy H(d) (0 for d ∈ {0, 1}), with dKL/dy = (∂L/∂z)/(y(1 − y)); L2 = (y − d)², losslab's"
        + " mse (seed 002 writes ½(y − d)²; the factor changes no shape). Seed 002 claims KL rises much"
        + " more steeply away from d and that its derivative is not 0 at the minimum, where L2's is.");
    LinePlot.Builder grad = LinePlot.builder("Derivative with respect to the output",
        "network output y", "dL/dy").yRange(-10, 10).xRange(0, 1);
    List<List<String>> rows = new ArrayList<>();
    for (double d : c.targets()) {
      Sweep kl = Sweep.probabilityViaLogit(bce, d, ys);
      double h = entropy(d);
      double[] klv = kl.value().clone();
      for (int i = 0; i < klv.length; i++) {
        klv[i] -= h;
      }
      Sweep sq = Sweep.scalar(l2, d, ys);
      String dt = Numbers.exact(d);
      s.figure("kl-vs-l2-value-d" + dt.replace('.', '_'), LinePlot.builder(
              "KL and L2 for target d = " + dt, "network output y", "divergence").yRange(0, 5).xRange(0, 1)
              .curve(Curve.of("KL(d‖y)", ys, klv)).curve(Curve.dashed("L2 = (y − d)²", ys, sq.value()))
              .build(),
          "Divergence against the output y for target d = " + dt + " (y axis cut at 5; KL → ∞ at the wrong end).");
      grad.curve(Curve.of("dKL/dy, d = " + dt, ys, kl.gradient()))
          .curve(Curve.dashed("dL2/dy, d = " + dt, ys, sq.gradient()));
      record(ms, experiment, "KL d=" + dt, ys, klv, kl.gradient(), "value", "dL/dy");
      record(ms, experiment, "L2 d=" + dt, ys, sq.value(), sq.gradient(), "value", "dL/dy");
      int at = nearest(ys, d);
      int far = nearest(ys, d >= 0.5 ? 0.01 : 0.99);
      rows.add(List.of(dt, Numbers.format(ys[at], 3), Numbers.format(kl.gradient()[at], 4),
          Numbers.format(sq.gradient()[at], 4), Numbers.format(ys[far], 3), Numbers.format(klv[far], 4),
          Numbers.format(sq.value()[far], 4)));
    }
    s.figure("kl-vs-l2-gradient", grad.build(),
        "Derivatives against y (y axis cut at ±10): at y = d, KL's is about ±1 while L2's is 0.");
    s.table("At the optimum and at the wrong end", List.of("target d", "y near d", "dKL/dy",
        "dL2/dy", "wrong y", "KL there", "L2 there"), rows);
    return s.build();
  }

  /** Seed 001 §2.2–2.3: the gradient's size as the correct class's logit becomes very wrong. */
  public static Section saturation(ExploreConfig c, List<Measurement> ms, String experiment) {
    double[] zs = Sweep.grid(c.lo(), c.hi(), c.points());
    Section.Builder s = Section.builder("saturation-curves",
        "Saturation: gradient size against the correct class's score (seed 001 §2.2, §2.3)");
    s.paragraph("Binary: one logit z, target 1 (so z ≪ 0 is confidently wrong): sigmoid-mse is (σ(z) − 1)²,"
        + " binary-cross-entropy is softplus(−z). Multi-class: K = 3 scores, the correct class 0 swept"
        + " over the range, the others held at 0. Seed 001 claims squared error behind a saturating unit"
        + " gives a vanishing gradient when the model is confidently wrong, while cross-entropy keeps a"
        + " strong one.");
    LinePlot.Builder bin = LinePlot.builder("Binary: |dL/dz| for target 1", "logit z",
        "|dL/dz| (log scale)").logY().xRange(c.lo(), c.hi());
    List<List<String>> rows = new ArrayList<>();
    for (String name : List.of("binary-cross-entropy", "sigmoid-mse")) {
      Sweep sw = Sweep.scalar(Losses.create(name), 1.0, zs);
      bin.curve(Curve.of(name, zs, sw.gradientMagnitude()));
      record(ms, experiment, name + " (binary)", zs, sw.value(), sw.gradient(), "value", "dL/dz");
      rows.add(List.of(name, "binary", Numbers.format(Math.abs(sw.gradient()[0]), 4),
          Numbers.format(Math.abs(sw.gradient()[nearest(zs, 0)]), 4)));
    }
    s.figure("saturation-binary", bin.build(),
        "Gradient size against the logit for target 1: left is confidently wrong.");
    LinePlot.Builder multi = LinePlot.builder("Multi-class (K = 3): |∂L/∂s_y| against s_y",
        "score of the correct class s_y (others 0)", "|∂L/∂s_y| (log scale)").logY()
        .xRange(c.lo(), c.hi());
    LinePlot.Builder values = LinePlot.builder("Multi-class (K = 3): loss against s_y",
        "score of the correct class s_y (others 0)", "loss (log scale)").logY().xRange(c.lo(), c.hi());
    for (LossChoice lc : c.losses()) {
      Sweep sw = Sweep.score(lc.probe(3), new double[3], 0, 0, zs);
      multi.curve(Curve.of(lc.label(), zs, sw.gradientMagnitude()));
      values.curve(Curve.of(lc.label(), zs, sw.value()));
      record(ms, experiment, lc.label() + " (K=3)", zs, sw.value(), sw.gradient(), "value", "dL/ds_y");
      rows.add(List.of(lc.label(), "K = 3", Numbers.format(Math.abs(sw.gradient()[0]), 4),
          Numbers.format(Math.abs(sw.gradient()[nearest(zs, 0)]), 4)));
    }
    s.figure("saturation-multiclass", multi.build(),
        "Gradient size on the correct class's score; a curve falling to the left saturates when wrong.");
    s.figure("saturation-multiclass-value", values.build(),
        "The losses themselves over the same sweep (log scale: a loss at exactly 0 is not drawn there).");
    s.table("Gradient size when confidently wrong (score = " + Numbers.exact(c.lo()) + ") and at 0",
        List.of("loss", "case", "|gradient| at " + Numbers.exact(c.lo()), "|gradient| at 0"), rows);
    return s.build();
  }

  /** Seed 000 §4: the sign and relative size of ∂L/∂s_j per class for one confidently wrong example. */
  public static Section signs(List<LossChoice> losses, List<Measurement> ms, String experiment) {
    int k = WRONG_EXAMPLE.length;
    int predicted = argmax(WRONG_EXAMPLE);
    Section.Builder s = Section.builder("gradient-signs",
        "Gradient sign per class for a confidently wrong example (seed 000 §4)");
    s.paragraph("Scores s = " + java.util.Arrays.toString(WRONG_EXAMPLE) + ", correct class 0, predicted"
        + " class " + predicted + ". A gradient-descent step on the scores moves s_j by −η ∂L/∂s_j, so an"
        + " incorrect class with ∂L/∂s_j < 0 is pushed up: the \"wrong direction\" of seed 000 §4. The"
        + " figure draws −∂L/∂s_j divided by the loss's largest |∂L/∂s_j|, so the losses share one axis"
        + " (±1 is each loss's largest push); the table gives the raw gradients.");
    List<String> categories = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      categories.add("class " + j + (j == 0 ? " (correct)" : j == predicted ? " (predicted)" : ""));
    }
    BarPlot.Builder p = BarPlot.builder("Which way one descent step moves each class's score",
        "class j", "−∂L/∂s_j ÷ max_j |∂L/∂s_j| (per loss)", categories).yRange(-1, 1);
    List<String> header = new ArrayList<>(List.of("loss"));
    for (int j = 0; j < k; j++) {
      header.add("∂L/∂s_" + j + (j == 0 ? " (correct)" : ""));
    }
    header.add("largest |∂L/∂s_j| (bar scale)");
    header.add("incorrect classes pushed up");
    List<List<String>> rows = new ArrayList<>();
    for (LossChoice lc : losses) {
      double[] g = new double[k];
      lc.probe(k).evaluate(WRONG_EXAMPLE, 0, 0, g);
      List<String> row = new ArrayList<>(List.of(lc.label()));
      int wrong = 0;
      for (int j = 0; j < k; j++) {
        row.add(Numbers.format(g[j], 4));
        if (j != 0 && g[j] < 0) {
          wrong++;
        }
        ms.add(new Measurement(experiment, lc.label() + " (wrong example)", Measurement.NO_SEED, j,
            "dL/ds_j", g[j]));
      }
      double scale = largestMagnitude(g);
      row.add(Numbers.format(scale, 4));
      row.add(Integer.toString(wrong));
      rows.add(row);
      p.series(lc.label(), descentPush(g));
    }
    s.figure("gradient-signs", p.build(), "Bar height: −∂L/∂s_j divided by the loss's largest"
        + " |∂L/∂s_j| (every loss scaled to fit one axis; raw values in the table and results.csv). A bar"
        + " above 0 over an incorrect class (1 to " + (k - 1) + ") means one descent step pushes that"
        + " class up, one below 0 pushes it down; a bar too small to see moves its score little next to"
        + " the loss's largest push (the table has the exact values).");
    s.table("∂L/∂s_j for each class", header, rows);
    return s.build();
  }

  /**
   * −g_j / max_j |g_j|: the direction one descent step moves each score, scaled so the largest push is
   * ±1. All zeros stay zeros; a non-finite gradient gives NaN heights (not drawn, and reported so).
   */
  static double[] descentPush(double[] g) {
    double scale = largestMagnitude(g);
    double[] out = new double[g.length];
    for (int j = 0; j < g.length; j++) {
      out[j] = !Double.isFinite(scale) ? Double.NaN : g[j] == 0 ? 0 : -g[j] / scale;
    }
    return out;
  }

  /** max_j |g_j|, or NaN when some g_j is NaN. */
  static double largestMagnitude(double[] g) {
    double m = 0;
    for (double v : g) {
      m = Double.isNaN(v) ? Double.NaN : Math.max(m, Math.abs(v));
    }
    return m;
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  static void record(List<Measurement> ms, String experiment, String series, double[] x,
      double[] value, double[] gradient, String valueName, String gradientName) {
    for (int i = 0; i < x.length; i++) {
      ms.add(new Measurement(experiment, series, Measurement.NO_SEED, x[i], valueName, value[i]));
      ms.add(new Measurement(experiment, series, Measurement.NO_SEED, x[i], gradientName, gradient[i]));
    }
  }

  static int nearest(double[] xs, double v) {
    int best = 0;
    for (int i = 1; i < xs.length; i++) {
      if (Math.abs(xs[i] - v) < Math.abs(xs[best] - v)) {
        best = i;
      }
    }
    return best;
  }

  /** Binary entropy in nats, 0 at 0 and 1. */
  static double entropy(double d) {
    double h = 0;
    if (d > 0) {
      h -= d * Math.log(d);
    }
    if (d < 1) {
      h -= (1 - d) * Math.log(1 - d);
    }
    return h;
  }
}
