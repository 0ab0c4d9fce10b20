package dev.losslab.formula;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.gradcheck.GradientCheck;
import dev.losslab.gradcheck.GradientChecker;
import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive's gradient against central differences ({@link GradientChecker}), at random
 * points and at the stress rows of the built-in suite (±40, ±800, ±1e4, ties, zeros) over the inputs
 * where the primitive is defined; exp-based ones with their scores capped at 300. Kinks of
 * {@code abs}, {@code relu}, {@code max} and {@code min} are flagged and pass as subgradients.
 */
class PrimitiveGradientTest {
  private static final int K = 5;
  private static final long SEED = 20261122L;

  /** Where a formula is defined: which scores the checks may use. */
  enum Domain {
    /** Every finite score. */
    ALL(x -> x),
    /** Exponentials: scores capped at 300. */
    CAPPED(x -> Math.min(x, 300)),
    /** Positive scores: |x| + 0.5. */
    POSITIVE(x -> Math.abs(x) + 0.5);

    final DoubleUnaryOperator map;

    Domain(DoubleUnaryOperator map) {
      this.map = map;
    }
  }

  /** Which target the formula is checked with. */
  enum Targets { LABELS, DISTRIBUTION }

  /** A formula exercising one primitive (named first), its domain and its target. */
  record Case(String primitive, String formula, Domain domain, Targets target) {
    @Override
    public String toString() {
      return primitive + ": " + formula;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("neg", "sum(-s * s[0])", Domain.ALL, Targets.LABELS),
        new Case("copy", "s", Domain.ALL, Targets.LABELS),
        new Case("exp", "sum(exp(s))", Domain.CAPPED, Targets.LABELS),
        new Case("log", "sum(log(s))", Domain.POSITIVE, Targets.LABELS),
        new Case("log1p", "sum(log1p(s) * s)", Domain.POSITIVE, Targets.LABELS),
        new Case("expm1", "sum(expm1(s))", Domain.CAPPED, Targets.LABELS),
        new Case("expm1 far below 0", "sum(expm1(s - 60))", Domain.CAPPED, Targets.LABELS),
        new Case("sqrt", "sum(sqrt(s))", Domain.POSITIVE, Targets.LABELS),
        new Case("abs", "sum(abs(s - 1))", Domain.ALL, Targets.LABELS),
        new Case("sigmoid", "sum(sigmoid(s) * s)", Domain.ALL, Targets.LABELS),
        new Case("softplus", "sum(softplus(s) + softplus(-s[2]))", Domain.ALL, Targets.LABELS),
        new Case("tanh", "sum(tanh(s / 3) * s)", Domain.ALL, Targets.LABELS),
        new Case("relu", "sum(relu(s - 0.5) * s)", Domain.ALL, Targets.LABELS),
        new Case("power, whole", "sum(s^3 - s^2 + s^0)", Domain.ALL, Targets.LABELS),
        new Case("power, whole large", "sum((s / 100)^7)", Domain.ALL, Targets.LABELS),
        new Case("power, constant", "sum(s^1.5 + s^-0.5)", Domain.POSITIVE, Targets.LABELS),
        new Case("power, varying", "sum((s^2 + 1)^sigmoid(s))", Domain.ALL, Targets.LABELS),
        new Case("power, varying exponent", "sum(2^(s / 100))", Domain.CAPPED, Targets.LABELS),
        new Case("add sub mul div", "sum(s * s[0] + s / (s^2 + 1) - s[1] * 2)", Domain.ALL,
            Targets.LABELS),
        new Case("div, varying denominator", "s[0] / s[1] + 1 / sum(s)", Domain.POSITIVE,
            Targets.LABELS),
        new Case("min max element-wise", "sum(max(s, 0.5) * s + min(s, s[0] + 0.25))", Domain.ALL,
            Targets.LABELS),
        new Case("sum mean", "sum(s)^2 + mean(s * s)", Domain.ALL, Targets.LABELS),
        new Case("max min reductions", "max(s) - 2 * min(s)", Domain.ALL, Targets.LABELS),
        new Case("norm", "norm(s) + norm(s / 1e200)", Domain.ALL, Targets.LABELS),
        new Case("dot", "dot(s, s * y + 1)", Domain.ALL, Targets.DISTRIBUTION),
        new Case("index", "s[2] * s[label] + s[0]", Domain.ALL, Targets.LABELS),
        new Case("expminus", "sum((exp(s) - y)^2)", Domain.CAPPED, Targets.DISTRIBUTION),
        new Case("expminus, label", "(exp(s) - y)^2", Domain.CAPPED, Targets.LABELS),
        new Case("expminus, reversed", "sum(y - exp(s / 2))", Domain.CAPPED, Targets.DISTRIBUTION),
        new Case("logsumexp", "logsumexp(s)", Domain.ALL, Targets.LABELS),
        new Case("softmax", "dot(p, s)", Domain.ALL, Targets.LABELS),
        new Case("softmax squared", "(p - y)^2", Domain.ALL, Targets.DISTRIBUTION),
        new Case("logsoftmax", "-dot(y, logsoftmax(s))", Domain.ALL, Targets.DISTRIBUTION),
        new Case("logsoftmax of a vector", "-sum(logsoftmax(2 * s) * y)", Domain.ALL,
            Targets.DISTRIBUTION),
        new Case("softmax at", "p[label] + 2 * p[3]", Domain.ALL, Targets.LABELS),
        new Case("logsoftmax at", "logsumexp(s) - s[label]", Domain.ALL, Targets.LABELS),
        new Case("logsoftmax at, from log", "-log(p[label]) + log(softmax(s)[0])", Domain.ALL,
            Targets.LABELS),
        new Case("complement at", "(1 - p[label])^3", Domain.ALL, Targets.LABELS),
        new Case("complement", "sum((1 - p)^2)", Domain.ALL, Targets.LABELS),
        new Case("softmax power", "(1 - p[label]^0.7)/0.7 + sum(p^1.5)", Domain.ALL, Targets.LABELS),
        new Case("focal", "-(1 - p[label])^2 * log(p[label])", Domain.ALL, Targets.LABELS),
        new Case("log of sigmoid", "-sum(log(sigmoid(s)) * y)", Domain.ALL, Targets.DISTRIBUTION),
        new Case("log of one plus", "sum(log(1 + s^2) + log(s^2 + 1))", Domain.ALL, Targets.LABELS),
        new Case("scalar constants broadcast", "K * s[0] + sum(s * label)", Domain.ALL,
            Targets.LABELS));
  }

  static List<double[]> stressRows(Domain domain) {
    List<double[]> rows = new ArrayList<>();
    for (double b : new double[] {40, 800, 1e4}) {
      rows.add(new double[] {b, -b, 0, b / 2, -b / 2});
      rows.add(new double[] {-b, -b, -b, -b, b});
      rows.add(new double[] {b, b, b, b, b});
    }
    rows.add(new double[K]);
    for (double[] r : rows) {
      for (int j = 0; j < K; j++) {
        r[j] = domain.map.applyAsDouble(r[j]);
      }
    }
    return rows;
  }

  private static Target target(Targets kind, Random random) {
    if (kind == Targets.LABELS) {
      return Target.labels(random.nextInt(K));
    }
    double[] y = new double[K];
    double sum = 0;
    for (int j = 0; j < K; j++) {
      y[j] = j == 1 ? 0.0 : random.nextDouble();
      sum += y[j];
    }
    for (int j = 0; j < K; j++) {
      y[j] /= sum;
    }
    return Target.dense(1, K, y);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void analyticEqualsNumericAtRandomAndStressPoints(Case c) {
    Loss loss = Losses.create("formula:" + c.formula());
    Random random = new Random(SEED ^ c.formula().hashCode());
    List<GradientCheck> checks = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      double[] s = new double[K];
      for (int j = 0; j < K; j++) {
        s[j] = c.domain().map.applyAsDouble(3 * random.nextGaussian());
      }
      checks.add(GradientChecker.check(loss, s, target(c.target(), random), 0, "random " + p));
    }
    for (double[] row : stressRows(c.domain())) {
      checks.add(GradientChecker.check(loss, row, target(c.target(), random), 0,
          "stress " + Arrays.toString(row)));
    }
    for (GradientCheck check : checks) {
      assertThat(check.passed()).as(check.toString()).isTrue();
    }
  }

  /** A formula, a point at its kink, and the gradient there. */
  record Kink(String formula, double[] s, double[] gradient) {
    @Override
    public String toString() {
      return formula + " at " + Arrays.toString(s);
    }
  }

  static List<Kink> kinks() {
    return List.of(
        new Kink("sum(abs(s - y))", new double[] {0, 1, 0}, new double[] {0, 0, 0}),
        new Kink("sum(relu(s))", new double[] {0, 2, -1}, new double[] {0, 1, 0}),
        new Kink("sum(max(s, 0.5))", new double[] {0.5, 2, -1}, new double[] {1, 1, 0}),
        new Kink("sum(min(s, 1))", new double[] {1, 2, -1}, new double[] {1, 0, 1}),
        new Kink("max(s[0], s[1])", new double[] {3, 3, 0}, new double[] {1, 0, 0}),
        new Kink("max(s)", new double[] {2, 2, 1}, new double[] {1, 0, 0}),
        new Kink("min(s)", new double[] {-1, 0, -1}, new double[] {1, 0, 0}),
        new Kink("norm(s)", new double[] {0, 0, 0}, new double[] {0, 0, 0}));
  }

  @ParameterizedTest
  @MethodSource("kinks")
  void kinksAreFlaggedAndPassAsSubgradients(Kink kink) {
    Loss loss = Losses.create("formula:" + kink.formula());
    Target t = Target.labels(1);
    GradientCheck check = GradientChecker.check(loss, kink.s(), t, 0, "kink");
    assertThat(check.kink()).as(check.toString()).isTrue();
    assertThat(check.passed()).as(check.toString()).isTrue();
    double[] g = new double[kink.s().length];
    loss.evaluate(kink.s(), 0, g.length, t, 0, g, 0);
    assertThat(g).containsExactly(kink.gradient());
  }

  @Test
  void aWrongGradientWouldFailTheseChecks() {
    // the checker used above is not blind: a formula loss with its gradient perturbed fails
    Loss loss = Losses.create("formula:sum(tanh(s) * s)");
    Loss broken = new Loss() {
      @Override
      public String name() {
        return "perturbed";
      }

      @Override
      public double evaluate(double[] s, int so, int k, Target target, int row, double[] g, int go) {
        double v = loss.evaluate(s, so, k, target, row, g, go);
        g[go + 1] *= 1.001;
        return v;
      }
    };
    GradientCheck check = GradientChecker.check(broken, new double[] {0.3, -1.2, 2.0}, Target.labels(0),
        0, "random");
    assertThat(check.passed()).isFalse();
  }
}
