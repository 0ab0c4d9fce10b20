package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference numbers of {@code losses.md} §(e): e1, documented examples of other libraries
 * (re-computed there at 40–50 digits), and e2, vectors computed for the seed losses. Copied as numbers;
 * optax's test values for {@code poly1} and {@code cosine} with the digits they were printed to.
 */
class ReferenceValuesTest {

  /**
   * One reference case: the expected value (or values, for {@code NONE}) and, when known, gradient.
   */
  record Case(String label, String loss, Map<String, Object> options, double[][] scores, Target target,
      Reduction reduction, double[] expected, double[] gradient, double tolerance) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static Case value(String label, String loss, Map<String, Object> options, double[][] s,
      Target t, Reduction r, double tolerance, double... expected) {
    return new Case(label, loss, options, s, t, r, expected, null, tolerance);
  }

  private static Case withGradient(String label, String loss, double[] s, Target t, double value,
      double... gradient) {
    return new Case(label, loss, Map.of(), new double[][] {s}, t, Reduction.SUM, new double[] {value},
        gradient, 1e-15);
  }

  private static Target dense(double... y) {
    return Target.dense(1, y.length, y);
  }

  private static double[] logs(double... p) {
    double[] l = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      l[i] = Math.log(p[i]);
    }
    return l;
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    // e1: documented examples
    c.add(value("optax softmax_cross_entropy", "cross-entropy", Map.of(),
        new double[][] {{1.2, -0.8, -0.5}, {0.9, -1.2, 1.1}}, Target.labels(0, 1), Reduction.NONE, 1e-11,
        0.276129705546, 2.95179879585));
    c.add(value("Keras BinaryCrossentropy(from_logits) mean", "binary-cross-entropy", Map.of(),
        new double[][] {{-18.6, 0.51, 2.94, -12.8}}, dense(0, 1, 0, 0), Reduction.MEAN, 1e-11,
        0.865457949781));
    c.add(value("Keras BinaryCrossentropy(from_logits) elements", "binary-cross-entropy", Map.of(),
        new double[][] {{0.51, 2.94}}, dense(1, 0), Reduction.NONE, 1e-11, 0.470313318045,
        2.99151571195));
    c.add(value("Keras CategoricalCrossentropy, second example", "cross-entropy", Map.of(),
        new double[][] {logs(0.1, 0.8, 0.1)}, Target.labels(2), Reduction.NONE, 1e-11, 2.30258509299));
    c.add(value("Keras MSE", "mse", Map.of(), new double[][] {{0.9, 0.1, 0.8}}, dense(1, 0, 1),
        Reduction.MEAN, 1e-15, 0.02));
    c.add(value("Keras MAE", "mae", Map.of(), new double[][] {{1.9, 0.3, 1.8}}, dense(1, 0.3, 1),
        Reduction.MEAN, 1e-15, 0.5666666666666667));
    c.add(value("Keras huber", "huber", Map.of("delta", 1.0), new double[][] {{0.6, 0.4}, {0.4, 0.6}},
        Target.dense(new double[][] {{0, 1}, {0, 0}}), Reduction.MEAN, 1e-15, 0.155));
    c.add(value("Keras log_cosh", "log-cosh", Map.of(), new double[][] {{1, 1}, {0, 0}},
        Target.dense(new double[][] {{0, 1}, {0, 0}}), Reduction.MEAN, 1e-11, 0.108445207621));
    c.add(value("Keras categorical_focal_crossentropy", "focal", Map.of("alpha", 0.25, "gamma", 2.0),
        new double[][] {logs(0.05, 0.9, 0.05), logs(0.1, 0.85, 0.05)}, Target.labels(1, 2),
        Reduction.NONE, 1e-11, 2.63401289145e-4, 0.675912094221));
    c.add(value("PyTorch BCEWithLogitsLoss docstring", "binary-cross-entropy", Map.of(),
        new double[][] {{1.5}}, dense(1), Reduction.MEAN, 1e-11, 0.201413277983));
    c.add(value("PyTorch MultiMarginLoss docstring", "hinge", Map.of(),
        new double[][] {{0.1, 0.2, 0.4, 0.8}}, Target.labels(3), Reduction.MEAN, 1e-15, 0.325));
    // e2, case A: s = [1, 2, 3], y = e_2 (per example; the 1/K losses as their mean over K elements)
    double[] a = {1, 2, 3};
    c.add(withGradient("A cross-entropy", "cross-entropy", a, Target.labels(2), 0.4076059644443803,
        0.090030573170380458, 0.24472847105479765, -0.33475904422517811));
    c.add(withGradient("A kl-divergence", "kl-divergence", a, dense(0, 0, 1), 0.4076059644443803,
        0.090030573170380458, 0.24472847105479765, -0.33475904422517811));
    c.add(meanOverK("A mse", "mse", a, dense(0, 0, 1), 3.0, 2.0 / 3, 4.0 / 3, 4.0 / 3));
    c.add(meanOverK("A softmax-mse", "softmax-mse", a, dense(0, 0, 1), 0.060020382113586972,
        0.014688696346782864, 0.065167336379642379, -0.079856032726425243));
    c.add(meanOverK("A exp-mse", "exp-mse", a, dense(0, 0, 1), 142.08164192614489,
        4.9260373992871002, 36.398766688762826, 255.56217104636497));
    c.add(meanOverK("A mae", "mae", a, dense(0, 0, 1), 1.6666666666666667, 1.0 / 3, 1.0 / 3, 1.0 / 3));
    c.add(withGradient("A softmax-l2 (L2 divergence on the softmax)", "softmax-l2", a, dense(0, 0, 1),
        0.090030573170380458, 0.022033044520174296, 0.097751004569463569, -0.11978404908963786));
    // case B: soft targets
    double[] b = {0.5, -1.25, 2};
    Target tb = dense(0.2, 0.3, 0.5);
    c.add(withGradient("B cross-entropy", "cross-entropy", b, tb, 1.5076219831020327,
        -0.023179817892555718, -0.26927325967356357, 0.29245307756611929));
    c.add(withGradient("B kl-divergence", "kl-divergence", b, tb, 0.47796896903745915,
        -0.023179817892555718, -0.26927325967356357, 0.29245307756611929));
    c.add(meanOverK("B softmax-mse", "softmax-mse", b, tb, 0.052858064970217675,
        -0.028593309927563192, -0.010009871743509437, 0.038603181671072629));
    c.add(meanOverK("B exp-mse", "exp-mse", b, tb, 16.519356458300123, 1.5923583828793464,
        -0.00257762695610549, 33.935747989119276));
    c.add(withGradient("B softmax-l2", "softmax-l2", b, tb, 0.079287097455326513,
        -0.042889964891344787, -0.015014807615264156, 0.057904772506608944));
    // case C: saturation
    double[] sat = {1000, 0, -1000};
    c.add(withGradient("C cross-entropy", "cross-entropy", sat, Target.labels(1), 1000, 1, -1, 0));
    c.add(withGradient("C kl-divergence", "kl-divergence", sat, dense(0, 1, 0), 1000, 1, -1, 0));
    c.add(meanOverK("C softmax-mse", "softmax-mse", sat, dense(0, 1, 0), 2.0 / 3, 0, 0, 0));
    c.add(withGradient("C softmax-l2", "softmax-l2", sat, dense(0, 1, 0), 1.0, 0, 0, 0));
    // BCE with logits
    double[][] bce = {{0, 1, 0.69314718055994531, -0.5}, {2, 1, 0.1269280110429725, -0.11920292202211756},
        {-2, 1, 2.1269280110429725, -0.88079707797788244}, {40, 0, 40.0, 1.0}, {-800, 1, 800, -1},
        {800, 1, 0, 0}, {0.5, 0.3, 0.82407698418010668, 0.32245933120185456}};
    for (double[] r : bce) {
      c.add(withGradient("BCE s=" + r[0] + " y=" + r[1], "binary-cross-entropy", new double[] {r[0]},
          dense(r[1]), r[2], r[3]));
    }
    // reduction, weight and label-smoothing semantics (LossNLL.cpp)
    double[][] s = {{2, 1, 0.1}, {0.5, 2.5, 0.3}};
    Target y = Target.labels(0, 2);
    c.add(value("CE none", "cross-entropy", Map.of(), s, y, Reduction.NONE, 1e-13,
        0.417030016277833, 2.42004952302054));
    c.add(new Case("CE mean with gradient", "cross-entropy", Map.of(), s, y, Reduction.MEAN,
        new double[] {1.41853976964919}, new double[] {-0.170499430557016, 0.121216485352357,
            0.0492829452046591, 0.0543018651535062, 0.401239527895825, -0.455541393049331}, 1e-13));
    c.add(value("CE weighted none", "cross-entropy", Map.of("weight", new double[] {1, 2, 3}), s, y,
        Reduction.NONE, 1e-13, 0.417030016277833, 7.26014856906161));
    c.add(value("CE weighted mean (÷Σw_y)", "cross-entropy", Map.of("weight", new double[] {1, 2, 3}),
        s, y, Reduction.MEAN, 1e-13, 1.91929464633486));
    c.add(value("CE smoothed none", "cross-entropy", Map.of("labelSmoothing", 0.1), s, y,
        Reduction.NONE, 1e-13, 0.5136966829445, 2.34004952302054));
    c.add(value("CE smoothed mean", "cross-entropy", Map.of("labelSmoothing", 0.1), s, y,
        Reduction.MEAN, 1e-13, 1.42687310298252));
    c.add(value("CE smoothed weighted mean", "cross-entropy",
        Map.of("labelSmoothing", 0.1, "weight", "1,2,3"), s, y, Reduction.MEAN, 1e-13,
        1.89505249199963));
    // Huber and smooth-L1 at errors 0.3, 1.0, 2.5
    double[] err = {0.3, 1.0, 2.5};
    double[] huber = {0.045, 0.5, 2.0};
    double[] huberGrad = {0.3, 1.0, 1.0};
    double[] smooth = {0.09, 0.75, 2.25};
    double[] smoothGrad = {0.6, 1.0, 1.0};
    for (int i = 0; i < 3; i++) {
      c.add(new Case("huber error " + err[i], "huber", Map.of("delta", 1.0),
          new double[][] {{err[i]}}, dense(0), Reduction.SUM, new double[] {huber[i]},
          new double[] {huberGrad[i]}, 1e-15));
      c.add(new Case("smooth-l1 error " + err[i], "smooth-l1", Map.of("beta", 0.5),
          new double[][] {{err[i]}}, dense(0), Reduction.SUM, new double[] {smooth[i]},
          new double[] {smoothGrad[i]}, 1e-15));
    }
    return c;
  }

  /** A seed loss defined as a mean over K: the element-wise loss under {@code MEAN} for one example. */
  private static Case meanOverK(String label, String loss, double[] s, Target t, double value,
      double... gradient) {
    return new Case(label, loss, Map.of(), new double[][] {s}, t, Reduction.MEAN, new double[] {value},
        gradient, 1e-15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheReference(Case c) {
    LossResult r = LossEvaluation.evaluate(Losses.create(c.loss(), c.options()), c.scores(), c.target(),
        c.reduction());
    double[] actual = c.reduction() == Reduction.NONE ? r.values() : new double[] {r.value()};
    assertClose(actual, c.expected(), c.tolerance(), c + " value");
    if (c.gradient() != null) {
      assertClose(r.gradient(), c.gradient(), c.tolerance(), c + " gradient");
    }
  }

  @Test
  void kerasPerExampleMeansOfElementwiseBce() {
    // Keras reports the mean over the last axis per example: [0.235156663202, 1.49575923636]
    LossResult r = LossEvaluation.evaluate(Losses.create("binary-cross-entropy"),
        new double[][] {{-18.6, 0.51}, {2.94, -12.8}}, Target.dense(new double[][] {{0, 1}, {0, 0}}),
        Reduction.NONE);
    assertThat((r.values()[0] + r.values()[1]) / 2).isCloseTo(0.235156663202, within(1e-11));
    assertThat((r.values()[2] + r.values()[3]) / 2).isCloseTo(1.49575923636, within(1e-10));
  }

  /**
   * optax's {@code PolyLossTest} (values of TensorFlow's {@code poly1_cross_entropy}, printed to four
   * decimals and checked there within 1e-4, as here: ε = 1.214 on the soft row is 1.08694, printed
   * 1.0870): one distribution over five classes for eight ε, and a batch of a one-hot and a soft row.
   */
  @Test
  void optaxPolyLossValues() {
    double[] logits = {0.14, 1.456, 2.356, -0.124, -2.47};
    Target labels = dense(0.1, 0.15, 0.2, 0.25, 0.3);
    double[][] scalar = {{2, 4.5317}, {1, 3.7153}, {-1, 2.0827}, {0, 2.8990}, {-0.5, 2.4908},
        {1.15, 3.8378}, {1.214, 3.8900}, {5.45, 7.3480}};
    for (double[] c : scalar) {
      LossResult r = LossEvaluation.evaluate(Losses.create("poly1", Map.of("epsilon", c[0])),
          new double[][] {logits}, labels, Reduction.SUM);
      assertThat(r.value()).as("epsilon %s", c[0]).isCloseTo(c[1], within(1e-4));
    }
    double[][] batch = {{4.0, 2.0, 1.0}, {0.0, 5.0, 1.0}};
    Target rows = Target.dense(new double[][] {{1, 0, 0}, {0, 0.8, 0.2}});
    double[][] batched = {{2, 0.4823, 1.2567}, {1, 0.3261, 1.0407}, {0, 0.1698, 0.8247},
        {-0.5, 0.0917, 0.7168}, {1.15, 0.3495, 1.0731}, {1.214, 0.3595, 1.0870},
        {5.45, 1.0211, 2.0018}};
    for (double[] c : batched) {
      LossResult r = LossEvaluation.evaluate(Losses.create("poly1", Map.of("epsilon", c[0])), batch,
          rows, Reduction.NONE);
      assertThat(r.values()[0]).as("epsilon %s, row 0", c[0]).isCloseTo(c[1], within(1e-4));
      assertThat(r.values()[1]).as("epsilon %s, row 1", c[0]).isCloseTo(c[2], within(1e-4));
    }
    // the one-hot row as a label gives the same numbers
    LossResult asLabel = LossEvaluation.evaluate(Losses.create("poly1"), new double[][] {batch[0]},
        Target.labels(0), Reduction.SUM);
    assertThat(asLabel.value()).isCloseTo(0.4823, within(1e-4));
  }

  /**
   * optax's {@code CosineDistanceTest}, whose expected values come from scipy on float32 inputs: good
   * to about 1e-8.
   */
  @Test
  void optaxCosineDistanceValues() {
    double[][] ys = {{10, 1, -2}, {1, 4, 0.2}};
    Target ts = Target.dense(new double[][] {{0, 1.2, 0.2}, {1, -0.3, 0}});
    LossResult r = LossEvaluation.evaluate(Losses.create("cosine"), ys, ts, Reduction.NONE);
    assertThat(r.values()[0]).isCloseTo(0.9358251989, within(2e-8));
    assertThat(r.values()[1]).isCloseTo(1.0464068465, within(2e-8));
  }

  @Test
  void expMseOfCaseCOverflowsToInfinityWithADiagnostic() {
    Loss loss = Losses.create("exp-mse");
    double[] s = {1000, 0, -1000};
    Target t = dense(0, 1, 0);
    LossResult r = LossEvaluation.evaluate(loss, s, 1, 3, t, Reduction.MEAN);
    assertThat(r.value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.gradient()).doesNotContain(Double.NaN);
    assertThat(LossDiagnostics.overflows(loss, s, 1, 3, t)).singleElement().asString()
        .contains("exp-mse", "example 0", "largest score 1000.0", "exceeds the double range");
    assertThat(LossDiagnostics.overflows(loss, new double[] {1, 2, 3}, 1, 3, t)).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  static void assertClose(double[] actual, double[] expected, double relative, String what) {
    assertThat(actual).as(what).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      double tolerance = Math.max(relative * Math.abs(expected[i]), 1e-15);
      assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]: %s vs %s", what, i, actual[i],
          expected[i]).isLessThanOrEqualTo(tolerance);
    }
  }
}
