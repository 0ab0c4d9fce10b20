package dev.losslab.formula;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A formula that spells a built-in loss equals it, value and gradient, in all three reductions, over
 * random scores and targets and over stress rows (entries of ±40 and ±800, ties) wherever the built-in
 * is finite: within 1e-12 relative or 1e-14 absolute, and for the pairs whose formula computes the
 * built-in's terms in its order, bit for bit. The generalised cross-entropy, which has no built-in
 * here, is compared with its closed form computed in this test.
 */
class BuiltInEquivalenceProperties {
  private static final double RELATIVE = 1e-12;
  private static final double ABSOLUTE = 1e-14;

  /** How a pair's targets are drawn. */
  enum TargetKind { LABELS, ONE_HOT, REAL, UNIT, DISTRIBUTION }

  /**
   * A formula, the built-in it spells, a target kind, the cap on the scores (above which the built-in
   * is not finite) and whether the two agree to the bit.
   */
  record Pair(String formula, String builtIn, TargetKind target, double cap, boolean exact) {
    @Override
    public String toString() {
      return formula + " ≡ " + builtIn + " [" + target + "]";
    }
  }

  static final List<Pair> PAIRS = List.of(
      new Pair("(exp(s) - y)^2", "exp-mse", TargetKind.ONE_HOT, 300, true),
      new Pair("(exp(s) - y)^2", "exp-mse", TargetKind.LABELS, 300, true),
      new Pair("(exp(s) - y)^2", "exp-mse", TargetKind.REAL, 300, true),
      new Pair("logsumexp(s) - s[label]", "cross-entropy", TargetKind.LABELS, Double.MAX_VALUE, true),
      new Pair("-dot(y, logsoftmax(s))", "cross-entropy", TargetKind.DISTRIBUTION, Double.MAX_VALUE,
          true),
      new Pair("(s - y)^2", "mse", TargetKind.REAL, Double.MAX_VALUE, true),
      new Pair("(s - y)^2", "mse", TargetKind.LABELS, Double.MAX_VALUE, true),
      new Pair("abs(s - y)", "mae", TargetKind.REAL, Double.MAX_VALUE, true),
      new Pair("abs(s - y)", "mae", TargetKind.LABELS, Double.MAX_VALUE, true),
      new Pair("0.5*sum((s - y)^2)", "l2", TargetKind.REAL, Double.MAX_VALUE, true),
      new Pair("0.5*sum((s - y)^2)", "l2", TargetKind.LABELS, Double.MAX_VALUE, true),
      new Pair("y*softplus(-s) + (1-y)*softplus(s)", "binary-cross-entropy", TargetKind.UNIT,
          Double.MAX_VALUE, true),
      new Pair("y*softplus(-s) + (1-y)*softplus(s)", "binary-cross-entropy", TargetKind.LABELS,
          Double.MAX_VALUE, true),
      new Pair("(p - y)^2", "softmax-mse", TargetKind.DISTRIBUTION, Double.MAX_VALUE, true),
      new Pair("(p - y)^2", "softmax-mse", TargetKind.LABELS, Double.MAX_VALUE, true),
      new Pair("-(1 - p[label])^2 * log(p[label])", "focal", TargetKind.LABELS, Double.MAX_VALUE,
          false));

  /** One batch for one pair. */
  record Case(Pair pair, int n, int k, double[] scores, Target target) {
    @Override
    public String toString() {
      return pair + " n=" + n + " k=" + k + " scores=" + java.util.Arrays.toString(scores);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(Arbitraries.integers().between(0, PAIRS.size() - 1),
        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(2, 8),
        Arbitraries.longs()).as((p, n, k, seed) -> {
          Pair pair = PAIRS.get(p);
          Random r = new Random(seed);
          return new Case(pair, n, k, scores(r, n, k, pair.cap()), target(pair.target(), r, n, k));
        });
  }

  /** Random rows, or stress rows: entries of ±40, ±800, ±20, ±400 and 0, or a tie. */
  static double[] scores(Random r, int n, int k, double cap) {
    double[] s = new double[n * k];
    for (int i = 0; i < n; i++) {
      int mode = r.nextInt(4);
      double b = r.nextBoolean() ? 40 : 800;
      double scale = new double[] {0.5, 1, 3, 10, 40}[r.nextInt(5)];
      double tie = (r.nextBoolean() ? 1 : -1) * b;
      for (int j = 0; j < k; j++) {
        double v = switch (mode) {
          case 0, 1 -> scale * r.nextGaussian();
          case 2 -> new double[] {b, -b, 0, b / 2, -b / 2}[r.nextInt(5)];
          default -> tie;
        };
        s[i * k + j] = Math.min(v, cap);
      }
    }
    return s;
  }

  static Target target(TargetKind kind, Random r, int n, int k) {
    if (kind == TargetKind.LABELS) {
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = r.nextInt(k);
      }
      return Target.labels(labels);
    }
    double[] t = new double[n * k];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      int zero = r.nextInt(k);
      for (int j = 0; j < k; j++) {
        double v = switch (kind) {
          case ONE_HOT -> 0.0;
          case REAL -> 2 * r.nextGaussian();
          case UNIT -> r.nextInt(4) == 0 ? r.nextInt(2) : r.nextDouble();
          default -> j == zero ? 0.0 : r.nextDouble();
        };
        t[i * k + j] = v;
        sum += v;
      }
      if (kind == TargetKind.ONE_HOT) {
        t[i * k + r.nextInt(k)] = 1.0;
      } else if (kind == TargetKind.DISTRIBUTION) {
        for (int j = 0; j < k; j++) {
          t[i * k + j] /= sum;
        }
      }
    }
    return Target.dense(n, k, t);
  }

  @Property(tries = 1500, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void aFormulaEqualsTheBuiltInItSpells(@ForAll("cases") Case c) {
    Loss formula = Losses.create("formula:" + c.pair().formula());
    Loss builtIn = Losses.create(c.pair().builtIn());
    assertThat(formula.elementwise()).isEqualTo(builtIn.elementwise());
    for (Reduction reduction : Reduction.values()) {
      LossResult f = LossEvaluation.evaluate(formula, c.scores(), c.n(), c.k(), c.target(), reduction);
      LossResult b = LossEvaluation.evaluate(builtIn, c.scores(), c.n(), c.k(), c.target(), reduction);
      String what = reduction + " " + c;
      close(f.value(), b.value(), c.pair().exact(), what + " value");
      for (int i = 0; i < b.gradient().length; i++) {
        close(f.gradient()[i], b.gradient()[i], c.pair().exact(), what + " gradient " + i);
      }
      if (reduction == Reduction.NONE) {
        assertThat(f.values()).hasSameSizeAs(b.values());
        for (int i = 0; i < b.values().length; i++) {
          close(f.values()[i], b.values()[i], c.pair().exact(), what + " values " + i);
        }
      }
    }
  }

  @Provide
  Arbitrary<Case> gceCases() {
    return Combinators.combine(Arbitraries.integers().between(1, 4),
        Arbitraries.integers().between(2, 8), Arbitraries.longs()).as((n, k, seed) -> {
          Random r = new Random(seed);
          return new Case(null, n, k, scores(r, n, k, Double.MAX_VALUE),
              target(TargetKind.LABELS, r, n, k));
        });
  }

  /**
   * {@code (1 − p_y^q)/q}, q = 0.7, against {@code −expm1(q·log p_y)/q} with gradient
   * {@code p_y^q (p − e_y)}, {@code log p_y} and {@code 1 − p_y} from the max-shifted exponentials.
   */
  @Property(tries = 500, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void generalisedCrossEntropyEqualsItsClosedForm(@ForAll("gceCases") Case c) {
    double q = 0.7;
    Loss gce = Losses.create("formula:(1 - p[label]^0.7)/0.7");
    LossResult r = LossEvaluation.evaluate(gce, c.scores(), c.n(), c.k(), c.target(), Reduction.SUM);
    int k = c.k();
    double total = 0;
    for (int i = 0; i < c.n(); i++) {
      int y = c.target().label(i);
      int m = 0;
      for (int j = 1; j < k; j++) {
        m = c.scores()[i * k + j] > c.scores()[i * k + m] ? j : m;
      }
      double max = c.scores()[i * k + m];
      double[] e = new double[k];
      double others = 0;
      double notLabel = 0;
      for (int j = 0; j < k; j++) {
        e[j] = Math.exp(c.scores()[i * k + j] - max);
        others += j == m ? 0 : e[j];
        notLabel += j == y ? 0 : e[j];
      }
      double logPy = (c.scores()[i * k + y] - max) - Math.log1p(others);
      double pq = Math.exp(q * logPy);
      total += -Math.expm1(q * logPy) / q;
      for (int j = 0; j < k; j++) {
        double pMinusE = j == y ? -notLabel / (1 + others) : e[j] / (1 + others);
        close(r.gradient()[i * k + j], pq * pMinusE, false, c + " gradient " + i + "," + j);
      }
    }
    close(r.value(), total, false, c + " value");
  }

  private static void close(double actual, double expected, boolean exact, String what) {
    assertThat(Double.isFinite(actual)).as(what + " finite").isTrue();
    if (exact) {
      assertThat(actual == expected).as(what + ": " + actual + " vs " + expected).isTrue();
      return;
    }
    double err = Math.abs(actual - expected);
    assertThat(err).as(what + ": " + actual + " vs " + expected)
        .isLessThanOrEqualTo(RELATIVE * Math.max(Math.abs(actual), Math.abs(expected)) + ABSOLUTE);
  }
}
