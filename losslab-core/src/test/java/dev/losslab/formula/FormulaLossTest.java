package dev.losslab.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The formula loss as a {@link Loss}: the rewrites keep precision where literal evaluation loses it,
 * shared sub-expressions are computed once, the float path and several threads give the double path's
 * results, element values, target checks, and non-finite results are exceptions naming the culprit.
 */
class FormulaLossTest {

  private static double value(String formula, double[] s, Target t, double[] g) {
    return Losses.create("formula:" + formula).evaluate(s, 0, s.length, t, 0, g, 0);
  }

  @Test
  void aSoftmaxToAFractionalPowerStaysFiniteWherePUnderflows() {
    // p_1 = e^-800 underflows: literally 0^0.7 with an infinite derivative
    double[] s = {0, -800, 0};
    double[] g = new double[3];
    double v = value("(1 - p[label]^0.7)/0.7", s, Target.labels(1), g);
    double logP = -800 - Math.log(2);
    assertThat(v).isEqualTo(-Math.expm1(0.7 * logP) / 0.7);
    double pq = Math.exp(0.7 * logP);
    assertThat(pq).isGreaterThan(0);
    assertThat(g[1]).isCloseTo(-pq, within(1e-12 * pq));
    assertThat(g[0]).isCloseTo(pq / 2, within(1e-12 * pq));
  }

  @Test
  void theLogOfASoftmaxIsTheLogSoftmax() {
    double[] g = new double[2];
    assertThat(value("-log(p[label])", new double[] {800, -800}, Target.labels(1), g)).isEqualTo(1600);
    assertThat(g).containsExactly(1, -1);
    double tiny = value("-log(p[label])", new double[] {40, 0}, Target.labels(0), g);
    assertThat(tiny).isCloseTo(Math.exp(-40), within(1e-30));
    assertThat(value("-sum(y * log(softmax(s)))", new double[] {800, -800}, Target.labels(1), g))
        .isEqualTo(1600);
  }

  @Test
  void logSumExpMinusAScoreKeepsATinyLoss() {
    double[] g = new double[2];
    double v = value("logsumexp(s) - s[label]", new double[] {40, 0}, Target.labels(0), g);
    assertThat(v).isCloseTo(Math.exp(-40), within(1e-30));
    assertThat(g[0]).isCloseTo(-Math.exp(-40), within(1e-30));
    assertThat(value("s[label] - logsumexp(s)", new double[] {40, 0}, Target.labels(0), g))
        .isCloseTo(-Math.exp(-40), within(1e-30));
  }

  @Test
  void oneMinusAConfidentProbabilityKeepsItsPrecision() {
    double[] g = new double[2];
    double expected = Math.exp(-40) / (1 + Math.exp(-40));
    assertThat(value("1 - p[label]", new double[] {40, 0}, Target.labels(0), g))
        .isCloseTo(expected, within(1e-30));
    assertThat(g[0]).isCloseTo(-expected, within(1e-30));
    assertThat(value("sum((1 - p)^2)", new double[] {40, 0}, Target.labels(0), g))
        .isCloseTo(1 + 0, within(1e-15));
    assertThat(value("(1 - p)[0]", new double[] {40, 0}, Target.labels(0), g))
        .isCloseTo(expected, within(1e-30));
  }

  @Test
  void logOfSigmoidOnePlusAndExpMinusOneAreRewritten() {
    double[] g = new double[1];
    assertThat(value("log(sigmoid(s[0]))", new double[] {-800}, Target.labels(0), g)).isEqualTo(-800);
    assertThat(g[0]).isEqualTo(1);
    assertThat(value("log(1 + s[0])", new double[] {1e-20}, Target.labels(0), g)).isEqualTo(1e-20);
    assertThat(value("log(s[0] + 1)", new double[] {1e-20}, Target.labels(0), g)).isEqualTo(1e-20);
    assertThat(value("exp(s[0]) - 1", new double[] {1e-20}, Target.labels(0), g)).isEqualTo(1e-20);
    assertThat(value("1 - exp(s[0])", new double[] {1e-20}, Target.labels(0), g)).isEqualTo(-1e-20);
    assertThat(value("sum(exp(s) - y)", new double[] {1e-20}, Target.labels(0), g)).isEqualTo(1e-20);
  }

  @Test
  void theTapeShowsTheRewritesAndSharesSubExpressions() {
    FormulaLoss focal = FormulaLoss.of("-(1 - p[label])^2 * log(p[label])");
    String tape = focal.tape();
    assertThat(tape.split("softmax\\(", -1)).hasSize(2); // one softmax node
    assertThat(tape).contains("one_minus_softmax_at[label]", "logsoftmax_at[label]", "powi[2]")
        .doesNotContain(" log(", "pow(");
    assertThat(FormulaLoss.of("exp(s[0]) * exp(s[0])").tape().split("exp\\(", -1)).hasSize(2);
    assertThat(FormulaLoss.of("2 * 3 + s[0]").tape()).contains("= 6  scalar").doesNotContain("mul");
    assertThat(FormulaLoss.of("logsumexp(s) - s[label]").tape())
        .contains("logsoftmax_at[label]", "neg").doesNotContain("logsumexp(", "sub(");
    assertThat(FormulaLoss.of("(1 - p[label]^0.7)/0.7").tape())
        .contains("logsoftmax_at[label]", "expm1").doesNotContain("powc");
    assertThat(FormulaLoss.of("--s[0]").tape()).doesNotContain("neg");
  }

  @Test
  void aVectorFormulaIsElementwiseAndGivesItsElementValues() {
    Loss loss = Losses.create("formula:(s - y)^2");
    assertThat(loss.elementwise()).isTrue();
    double[][] s = {{1, 2, 3}, {0, -1, 4}};
    LossResult r = LossEvaluation.evaluate(loss, s, Target.labels(2, 0), Reduction.NONE);
    assertThat(r.values()).containsExactly(1, 4, 4, 1, 1, 16);
    LossResult mean = LossEvaluation.evaluate(loss, s, Target.labels(2, 0), Reduction.MEAN);
    assertThat(mean.value()).isEqualTo(27.0 / 6);
    Loss scalar = Losses.create("formula:sum((s - y)^2)");
    assertThat(scalar.elementwise()).isFalse();
    assertThat(LossEvaluation.evaluate(scalar, s, Target.labels(2, 0), Reduction.MEAN).value())
        .isEqualTo(27.0 / 2);
    assertThatThrownBy(() -> scalar.elementValues(s[0], 0, 3, Target.labels(0), 0, new double[3], 0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"logsumexp(s) - s[label]",
      "(exp(s) - y)^2", "-(1 - p[label])^2 * log(p[label]) + sum(p^2)"})
  void theFloatPathIsTheDoublePathOnTheWidenedScores(String formula) {
    Loss loss = Losses.create("formula:" + formula);
    Random random = new Random(7);
    int n = 16;
    int k = 10;
    float[] fs = new float[n * k];
    double[] ds = new double[n * k];
    for (int i = 0; i < fs.length; i++) {
      // rows 0 and 1 have ties for the maximum (the first one counts), row 2 a signed zero
      fs[i] = i < 2 * k ? (float) random.nextInt(3) : i < 3 * k ? (i % 2 == 0 ? -0f : 0f)
          : (float) (3 * random.nextGaussian());
      ds[i] = fs[i];
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(k);
    }
    Target t = Target.labels(labels);
    for (Reduction reduction : new Reduction[] {Reduction.MEAN, Reduction.SUM}) {
      float[] fg = new float[n * k];
      double fv = LossEvaluation.evaluate(loss, fs, n, k, t, reduction, fg);
      LossResult d = LossEvaluation.evaluate(loss, ds, n, k, t, reduction);
      if (reduction == Reduction.SUM) {
        assertThat(fv).isEqualTo(d.value());
        for (int i = 0; i < fg.length; i++) {
          assertThat(fg[i]).isEqualTo((float) d.gradient()[i]);
        }
      } else {
        assertThat(fv).isCloseTo(d.value(), within(1e-14 * Math.abs(d.value())));
        for (int i = 0; i < fg.length; i++) {
          assertThat((double) fg[i]).isCloseTo(d.gradient()[i],
              within(1e-6 * Math.abs(d.gradient()[i]) + 1e-12));
        }
      }
    }
  }

  @Test
  void severalThreadsGiveTheSameResultsAsOne() throws Exception {
    Loss loss = Losses.create("formula:-(1 - p[label])^2 * log(p[label]) + sum((exp(s / 10) - y)^2)");
    int threads = 6;
    List<double[]> scores = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    List<LossResult> expected = new ArrayList<>();
    Random random = new Random(11);
    for (int t = 0; t < threads; t++) {
      int k = 3 + t; // each thread its own K, so each lays out its own workspace
      int n = 200;
      double[] s = new double[n * k];
      for (int i = 0; i < s.length; i++) {
        s[i] = 4 * random.nextGaussian();
      }
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = random.nextInt(k);
      }
      scores.add(s);
      targets.add(Target.labels(labels));
      expected.add(LossEvaluation.evaluate(loss, s, n, k, targets.get(t), Reduction.MEAN));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (int t = 0; t < threads; t++) {
          int which = (t + round) % threads;
          same.add(pool.submit(() -> {
            boolean ok = true;
            for (int rep = 0; rep < 20; rep++) {
              double[] s = scores.get(which);
              int k = 3 + which;
              LossResult r = LossEvaluation.evaluate(loss, s, s.length / k, k, targets.get(which),
                  Reduction.MEAN);
              ok &= r.value() == expected.get(which).value()
                  && java.util.Arrays.equals(r.gradient(), expected.get(which).gradient());
            }
            return ok;
          }));
        }
      }
      for (Future<Boolean> f : same) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A formula, scores, a target and what its domain error must say. */
  record Domain(String formula, double[] s, Target target, int row, String message) {
    @Override
    public String toString() {
      return formula;
    }
  }

  static List<Domain> domainErrors() {
    return List.of(
        new Domain("log(s[0])", new double[] {1, 2, -1.5, 2}, Target.labels(0, 1), 1,
            "formula:log(s[0]): example 1: log(s[0]) at column 1 is NaN, from the argument -1.5"),
        new Domain("sum(exp(s))", new double[] {1, 800}, Target.labels(0), 0,
            "formula:sum(exp(s)): example 0: exp(s) at column 5 is Infinity at element 1, from the "
                + "argument 800.0"),
        new Domain("(exp(s) - y)^2", new double[] {1, 400}, Target.labels(0), 0,
            "formula:(exp(s) - y)^2: example 0: (exp(s) - y)^2 at column 1 is Infinity at element 1, "
                + "from the argument 5.221469689764144E173"),
        new Domain("sqrt(abs(s))", new double[] {1, 0}, Target.labels(0), 0,
            "formula:sqrt(abs(s)): example 0: the derivative of sqrt(abs(s)) at column 1 is Infinity "
                + "at element 1, from the argument 0.0"),
        new Domain("s[0] / s[1]", new double[] {1, 0}, Target.labels(0), 0,
            "formula:s[0] / s[1]: example 0: s[0] / s[1] at column 1 is Infinity, from the arguments "
                + "1.0 and 0.0"),
        new Domain("min(log(s), 5)", new double[] {1, -1}, Target.labels(0), 0,
            "log(s) at column 5 is NaN at element 1, from the argument -1.0"),
        new Domain("sum(s^2)", new double[] {1e200, 1}, Target.labels(0), 0,
            "s^2 at column 5 is Infinity at element 0, from the argument 1.0E200"),
        new Domain("sum(s * 1e300)", new double[] {1e10, 1}, Target.labels(0), 0,
            "s * 1e300 at column 5 is Infinity at element 0, from the arguments 1.0E10 and 1.0E300"),
        new Domain("sum(s) * 2", new double[] {1.7e308, 1.7e308}, Target.labels(0), 0,
            "sum(s) at column 1 is Infinity, from a vector whose largest magnitude is 1.7E308"),
        new Domain("sum(s) * 1e10", new double[] {1e300, 1e300}, Target.labels(0), 0,
            "sum(s) * 1e10 at column 1 is Infinity, from the arguments 2.0E300 and 1.0E10"),
        new Domain("s * 1e300", new double[] {1e10, 1e10}, Target.labels(0), 0,
            "s * 1e300 at column 1 is Infinity at element 0"),
        new Domain("sum(log(y))", new double[] {1, 1}, Target.labels(0), 0,
            "log(y) at column 5 is -Infinity at element 1, from the argument 0.0"));
  }

  @ParameterizedTest
  @MethodSource("domainErrors")
  void aNonFiniteValueOrGradientIsAnExceptionNamingTheCulprit(Domain d) {
    Loss loss = Losses.create("formula:" + d.formula());
    int k = d.s().length / d.target().rows();
    assertThatThrownBy(() -> LossEvaluation.evaluate(loss, d.s(), d.target().rows(), k, d.target(),
        Reduction.MEAN))
        .isInstanceOfSatisfying(FormulaDomainException.class, e -> {
          assertThat(e).isInstanceOf(ArithmeticException.class);
          assertThat(e.getMessage()).contains(d.message());
          assertThat(e.row()).isEqualTo(d.row());
        });
  }

  @Test
  void theDomainExceptionCarriesItsParts() {
    Loss loss = Losses.create("formula:1 + sum(log(s))");
    assertThatThrownBy(() -> LossEvaluation.evaluate(loss, new double[][] {{1, 2}, {3, -4}},
        Target.labels(0, 0), Reduction.SUM))
        .isInstanceOfSatisfying(FormulaDomainException.class, e -> {
          assertThat(e.row()).isEqualTo(1);
          assertThat(e.subexpression()).isEqualTo("log(s)");
          assertThat(e.column()).isEqualTo(9);
          assertThat(e.element()).isEqualTo(1);
          assertThat(e.derivative()).isFalse();
          assertThat(e.value()).isNaN();
          assertThat(e.arguments()).containsExactly(-4.0);
        });
  }

  @Test
  void reductionNoneChecksEveryElementValue() {
    Loss loss = Losses.create("formula:log(s)");
    assertThatThrownBy(() -> loss.elementValues(new double[] {1, -1}, 0, 2, Target.labels(0), 0,
        new double[2], 0))
        .isInstanceOf(FormulaDomainException.class)
        .hasMessageContaining("log(s) at column 1 is NaN at element 1");
  }

  @Test
  void targetsAreChecked() {
    Loss loss = Losses.create("formula:(s - y)^2");
    assertThatThrownBy(() -> loss.validate(Target.dense(1, 2, new double[] {1, Double.NaN}), 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target of example 0, class 1 is NaN, must be finite");
    assertThatThrownBy(() -> loss.validate(Target.dense(1, 3, new double[] {1, 0, 0}), 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target has 3 columns but scores have 2");
    assertThatThrownBy(() -> loss.validate(Target.labels(2), 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 2 of example 0 is out of range [0, 2)");
    assertThatThrownBy(() -> loss.validate(Target.labels(0), 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs at least one score");
    // the unvalidated float path checks what it reads
    float[] g = new float[2];
    assertThatThrownBy(() -> LossEvaluation.evaluate(loss, new float[] {1, 2}, 1, 2, Target.labels(5),
        Reduction.SUM, g))
        .hasMessage("label 5 of example 0 is out of range [0, 2)");
    Loss labelled = Losses.create("formula:s[label]");
    assertThatThrownBy(() -> LossEvaluation.evaluate(labelled, new float[] {1, 2}, 1, 2,
        Target.dense(1, 2, new double[] {0, 1}), Reduction.SUM, g))
        .isInstanceOf(FormulaException.class)
        .hasMessageContaining("formula uses label, which needs class labels");
    Loss indexed = Losses.create("formula:s[3]");
    assertThatThrownBy(() -> LossEvaluation.evaluate(indexed, new float[] {1, 2}, 1, 2,
        Target.labels(0), Reduction.SUM, g))
        .isInstanceOf(FormulaException.class)
        .hasMessageContaining("index 3 is out of range for K = 2");
  }

  @Test
  void aFailedFloatCallLeavesNothingBehindForTheNextExample() {
    Loss loss = Losses.create("formula:logsumexp(s) - s[label]");
    Loss builtIn = Losses.create("cross-entropy");
    assertThatThrownBy(() -> LossEvaluation.evaluate(loss, new float[] {1, 9, 2}, 1, 3,
        Target.labels(7), Reduction.SUM, new float[3]))
        .isInstanceOf(IllegalArgumentException.class);
    double[] s = {5, 1, 2};
    double[] g = new double[3];
    double[] h = new double[3];
    assertThat(loss.evaluate(s, 0, 3, Target.labels(1), 0, g, 0))
        .isEqualTo(builtIn.evaluate(s, 0, 3, Target.labels(1), 0, h, 0));
    assertThat(g).containsExactly(h);
  }

  @Test
  void aFormulaWithoutScoresHasAZeroGradient() {
    double[] g = {7, 7};
    assertThat(value("sum(y) * K + 2", new double[] {1, 2}, Target.labels(1), g)).isEqualTo(4);
    assertThat(g).containsExactly(0, 0);
    assertThat(value("3", new double[] {1, 2}, Target.labels(1), g)).isEqualTo(3);
    assertThat(g).containsExactly(0, 0);
    assertThat(value("s", new double[] {1, 2}, Target.labels(1), g)).isEqualTo(3);
    assertThat(g).containsExactly(1, 1);
  }

  @Test
  void aWorkspaceFollowsKAndTheTargetKindBetweenCalls() {
    Loss loss = Losses.create("formula:(exp(s) - y)^2");
    Loss builtIn = Losses.create("exp-mse");
    Random random = new Random(3);
    for (int round = 0; round < 30; round++) {
      int k = 1 + random.nextInt(6);
      double[] s = new double[k];
      for (int j = 0; j < k; j++) {
        s[j] = random.nextGaussian();
      }
      Target t = random.nextBoolean() ? Target.labels(random.nextInt(k))
          : Target.dense(1, k, s.clone());
      double[] g = new double[k];
      double[] h = new double[k];
      assertThat(loss.evaluate(s, 0, k, t, 0, g, 0)).isEqualTo(builtIn.evaluate(s, 0, k, t, 0, h, 0));
      assertThat(g).containsExactly(h);
    }
  }
}
