package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants that hold for all inputs: cross-entropy's shift invariance and zero-sum gradient,
 * non-negativity, finiteness at any finite score, and the float path within 1e-5 of the double path.
 */
class LossPropertiesTest {

  /** A batch of scores with label targets. */
  record Batch(int n, int k, double[] scores, int[] labels) {}

  @Provide
  Arbitrary<Batch> batches() {
    Arbitrary<Integer> ks = Arbitraries.integers().between(2, 8);
    Arbitrary<Integer> ns = Arbitraries.integers().between(1, 4);
    return Combinators.combine(ns, ks, Arbitraries.longs()).as((n, k, seed) -> {
      Random r = new Random(seed);
      double[] s = new double[n * k];
      double scale = new double[] {1, 10, 100, 1e3, 1e4}[r.nextInt(5)];
      for (int i = 0; i < s.length; i++) {
        s[i] = scale * r.nextGaussian();
      }
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = r.nextInt(k);
      }
      return new Batch(n, k, s, y);
    });
  }

  @Property(tries = 500, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void crossEntropyIsUnchangedByAConstantShiftAndItsGradientSumsToZero(@ForAll("batches") Batch b,
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double c, @ForAll boolean smoothed) {
    Map<String, Object> options = smoothed
        ? Map.of("labelSmoothing", 0.2, "weight", weights(b.k())) : Map.of();
    Loss loss = Losses.create("cross-entropy", options);
    double[] shifted = b.scores().clone();
    double max = 0;
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += c;
      max = Math.max(max, Math.abs(b.scores()[i]));
    }
    LossResult r = LossEvaluation.evaluate(loss, b.scores(), b.n(), b.k(), Target.labels(b.labels()),
        Reduction.SUM);
    LossResult rs = LossEvaluation.evaluate(loss, shifted, b.n(), b.k(), Target.labels(b.labels()),
        Reduction.SUM);
    // the shift itself rounds each score by up to ulp(|s| + |c|)/2; the value moves by at most that
    double rounding = 4 * b.n() * Math.ulp(max + Math.abs(c)) * (1 + b.k());
    assertThat(Math.abs(rs.value() - r.value())).isLessThanOrEqualTo(1e-12 * r.value() + rounding);
    for (int i = 0; i < b.n(); i++) {
      double sum = 0;
      double norm = 0;
      for (int j = 0; j < b.k(); j++) {
        sum += r.gradient(i, j);
        norm += Math.abs(r.gradient(i, j));
      }
      assertThat(Math.abs(sum)).isLessThanOrEqualTo(1e-15 * Math.max(norm, 1) * b.k());
    }
  }

  private static double[] weights(int k) {
    double[] w = new double[k];
    for (int j = 0; j < k; j++) {
      w[j] = 0.5 + 0.25 * j;
    }
    return w;
  }

  /** Losses that are ≥ 0 for every input, with targets that suit them. */
  private static final List<String> NON_NEGATIVE = List.of("cross-entropy", "binary-cross-entropy",
      "mse", "l2", "softmax-mse", "exp-mse", "mae", "huber", "smooth-l1", "log-cosh", "kl-divergence",
      "hinge", "squared-hinge", "focal", "sigmoid-mse", "softmax-l2", "tanh-huber", "poly1", "gce",
      "sce", "nce-rce", "nce-mae", "taylor-ce", "sparsemax", "sigmoid-focal", "rescaled-mse", "cosine");

  /** The batch's labels as the loss takes them: zero counts for poisson, one-hot rows for cosine. */
  private static Target target(String name, Batch b) {
    if (name.equals("poisson")) {
      return Target.dense(b.n(), b.k(), new double[b.n() * b.k()]);
    }
    if (name.equals("cosine")) {
      double[] y = new double[b.n() * b.k()];
      for (int i = 0; i < b.n(); i++) {
        y[i * b.k() + b.labels()[i]] = 1;
      }
      return Target.dense(b.n(), b.k(), y);
    }
    return Target.labels(b.labels());
  }

  @Property(tries = 300, seed = "20261122")
  void lossesAreNonNegativeAndFiniteAtAnyFiniteScore(@ForAll("batches") Batch b) {
    for (String name : NON_NEGATIVE) {
      Loss loss = Losses.create(name);
      LossResult r = LossEvaluation.evaluate(loss, b.scores(), b.n(), b.k(), target(name, b),
          Reduction.NONE);
      boolean mayOverflow = name.equals("exp-mse") && max(b.scores()) > 354;
      for (double v : r.values()) {
        assertThat(v).as(name).isGreaterThanOrEqualTo(0.0);
        if (!mayOverflow) {
          assertThat(v).as(name).isFinite();
        }
      }
      for (double g : r.gradient()) {
        assertThat(g).as(name).isNotNaN();
        if (!mayOverflow) {
          assertThat(g).as(name).isFinite();
        }
      }
    }
  }

  @Property(tries = 200, seed = "20261122")
  void everyBuiltInLossIsNaNFreeAtAnyFiniteScore(@ForAll("batches") Batch b) {
    for (String name : Losses.names()) {
      Loss loss = Losses.create(name);
      Target t = target(name, b);
      LossResult r = LossEvaluation.evaluate(loss, b.scores(), b.n(), b.k(), t, Reduction.MEAN);
      assertThat(r.value()).as(name).isNotNaN();
      assertThat(r.gradient()).as(name).doesNotContain(Double.NaN);
      boolean overflows = (name.equals("exp-mse") && max(b.scores()) > 354)
          || (name.equals("poisson") && max(b.scores()) > 709);
      if (!overflows) {
        assertThat(r.value()).as(name).isFinite();
      }
    }
  }

  /**
   * Special cases that are other losses: {@code gce} at q = 1, {@code taylor-ce} of order 1 and
   * {@code nce-mae} with α = 0, β = 1 are {@code 1 − p_y} (checked against a softmax computed here);
   * {@code rescaled-mse} with k = M = 1 is {@code mse} and {@code poly1} with ε = 0 is
   * {@code cross-entropy}, on labels and on probability rows.
   */
  @Property(tries = 200, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void specialCasesOfTheNewLossesAreOtherLosses(@ForAll("batches") Batch b) {
    Target labels = Target.labels(b.labels());
    int n = b.n();
    int k = b.k();
    double[] oneMinusP = new double[n];
    double[] gradient = new double[n * k];
    double[] p = new double[k];
    for (int i = 0; i < n; i++) {
      dev.losslab.math.Stable.softmax(b.scores(), i * k, k, p, 0);
      int y = b.labels()[i];
      for (int j = 0; j < k; j++) {
        oneMinusP[i] += j == y ? 0 : p[j];
        gradient[i * k + j] = p[y] * (p[j] - (j == y ? 1 : 0));
      }
    }
    for (Loss loss : List.of(Losses.create("gce", Map.of("q", 1.0)),
        Losses.create("taylor-ce", Map.of("order", 1)),
        Losses.create("nce-mae", Map.of("alpha", 0.0, "beta", 1.0)))) {
      LossResult r = LossEvaluation.evaluate(loss, b.scores(), n, k, labels, Reduction.NONE);
      assertClose(loss + " value", r.values(), oneMinusP, 1e-12, 1e-15);
      assertClose(loss + " gradient", r.gradient(), gradient, 1e-12, 1e-15);
    }
    double[] dist = new double[n * k];
    Random random = new Random(n * 31L + k);
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        dist[i * k + j] = random.nextDouble();
        sum += dist[i * k + j];
      }
      for (int j = 0; j < k; j++) {
        dist[i * k + j] /= sum;
      }
    }
    for (Reduction r : Reduction.values()) {
      assertSame(Losses.create("rescaled-mse", Map.of("k", 1, "M", 1)), Losses.create("mse"), b,
          labels, r, 0);
      assertSame(Losses.create("poly1", Map.of("epsilon", 0.0)), Losses.create("cross-entropy"), b,
          labels, r, 1e-15);
      assertSame(Losses.create("poly1", Map.of("epsilon", 0.0)), Losses.create("cross-entropy"), b,
          Target.dense(n, k, dist), r, 1e-15);
    }
  }

  /**
   * {@code gce} lies between cross-entropy {@code c} and {@code c − q·c²/2} for every q (from
   * {@code x − x²/2 ≤ 1 − e^{−x} ≤ x}), so it tends to cross-entropy as q → 0; {@code taylor-ce} grows
   * with its order towards cross-entropy, and at order 400 has its gradient where {@code p_y ≥ ½}.
   */
  @Property(tries = 200, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void gceAndTaylorCrossEntropyApproachCrossEntropy(@ForAll("batches") Batch b,
      @ForAll @DoubleRange(min = 0, max = 9) double decades) {
    double q = Math.pow(10, -decades);
    Target labels = Target.labels(b.labels());
    double[] ce = LossEvaluation.evaluate(Losses.create("cross-entropy"), b.scores(), b.n(), b.k(),
        labels, Reduction.NONE).values();
    LossResult ceSum = LossEvaluation.evaluate(Losses.create("cross-entropy"), b.scores(), b.n(),
        b.k(), labels, Reduction.SUM);
    double[] gce = LossEvaluation.evaluate(Losses.create("gce", Map.of("q", q)), b.scores(), b.n(),
        b.k(), labels, Reduction.NONE).values();
    double[][] taylor = new double[4][];
    int[] orders = {1, 2, 5, 400};
    for (int o = 0; o < orders.length; o++) {
      taylor[o] = LossEvaluation.evaluate(Losses.create("taylor-ce", Map.of("order", orders[o])),
          b.scores(), b.n(), b.k(), labels, Reduction.NONE).values();
    }
    for (int i = 0; i < b.n(); i++) {
      double c = ce[i];
      double tol = 1e-12 * c + 1e-15;
      assertThat(gce[i]).isLessThanOrEqualTo(c + tol)
          .isGreaterThanOrEqualTo(c - q * c * c / 2 - tol);
      for (int o = 1; o < orders.length; o++) {
        assertThat(taylor[o][i]).isGreaterThanOrEqualTo(taylor[o - 1][i] * (1 - 1e-12))
            .isLessThanOrEqualTo(c + tol);
      }
    }
    LossResult deep = LossEvaluation.evaluate(Losses.create("taylor-ce", Map.of("order", 400)),
        b.scores(), b.n(), b.k(), labels, Reduction.SUM);
    for (int i = 0; i < b.n(); i++) {
      double gy = ceSum.gradient(i, b.labels()[i]); // p_y − 1
      if (gy >= -0.5) {
        for (int j = 0; j < b.k(); j++) {
          assertThat(deep.gradient(i, j)).isCloseTo(ceSum.gradient(i, j),
              org.assertj.core.data.Offset.offset(1e-15));
        }
      }
    }
  }

  /** The two losses give the same values and gradients (relative {@code tolerance}, 0 for exact). */
  private static void assertSame(Loss a, Loss b, Batch batch, Target t, Reduction r, double tolerance) {
    LossResult x = LossEvaluation.evaluate(a, batch.scores(), batch.n(), batch.k(), t, r);
    LossResult y = LossEvaluation.evaluate(b, batch.scores(), batch.n(), batch.k(), t, r);
    String what = a + " as " + b + " " + r;
    if (r == Reduction.NONE) {
      assertClose(what + " values", x.values(), y.values(), tolerance, 0);
    } else {
      assertClose(what + " value", new double[] {x.value()}, new double[] {y.value()}, tolerance, 0);
    }
    assertClose(what + " gradient", x.gradient(), y.gradient(), tolerance, 0);
  }

  private static void assertClose(String what, double[] actual, double[] expected, double relative,
      double absolute) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]: %s vs %s", what, i, actual[i],
          expected[i]).isLessThanOrEqualTo(relative * Math.abs(expected[i]) + absolute);
    }
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }

  @Property(tries = 300, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void theFloatPathStaysWithin1e5OfTheDoublePath(@ForAll @IntRange(min = 1, max = 6) int n,
      @ForAll @IntRange(min = 2, max = 300) int k, @ForAll long seed, @ForAll boolean dense) {
    Random r = new Random(seed);
    float[] scores = new float[n * k];
    double[] y = new double[n * k];
    int[] labels = new int[n];
    for (int i = 0; i < n * k; i++) {
      scores[i] = (float) (4 * r.nextGaussian());
      y[i] = r.nextDouble();
    }
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(k);
    }
    assertFloatPathMatchesDoublePath(n, k, scores, y, labels, dense);
  }

  /**
   * The float path at stress scores (0, ±1, ±40, ±800, ±1e4 mixed with N(0, 16)): finite, and within 1e-5
   * of the double path; rows whose softmax saturates, exponents far below float's underflow, and
   * sigmoids at 0 and 1 in both directions.
   */
  @Property(tries = 200, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void theFloatPathStaysFiniteAndWithin1e5OfTheDoublePathAtStressScores(
      @ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 1, max = 80) int k,
      @ForAll long seed, @ForAll boolean dense) {
    Random r = new Random(seed);
    float[] stress = {0f, 1f, -1f, 40f, -40f, 800f, -800f, 1e4f, -1e4f};
    float[] scores = new float[n * k];
    double[] y = new double[n * k];
    int[] labels = new int[n];
    for (int i = 0; i < n * k; i++) {
      scores[i] = r.nextInt(3) == 0 ? (float) (4 * r.nextGaussian()) : stress[r.nextInt(stress.length)];
      y[i] = r.nextInt(3) == 0 ? r.nextDouble() : r.nextInt(2);
    }
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(k);
    }
    assertFloatPathMatchesDoublePath(n, k, scores, y, labels, dense);
  }

  /**
   * The float path where float arithmetic is most likely to lose it: targets within 1e-4 of the
   * sigmoid or of the softmax of the scores (gradients near a stationary point cancel), targets just
   * below 1 on large scores, labels on scores of ±1e4, and scores whose softmax is within 1e-4 of the
   * label-smoothed target {@code 0.9e_y + 0.1/k} (kind 4).
   */
  @Property(tries = 200, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void theFloatPathHoldsNearStationaryTargetsAndHugeScores(
      @ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 1, max = 300) int k,
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int kind) {
    Random r = new Random(seed);
    float[] scores = new float[n * k];
    double[] y = new double[n * k];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(k);
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        float v = kind == 2 ? 1e3f + 9e3f * r.nextFloat() : (float) (2 * r.nextGaussian());
        scores[i * k + j] = v;
        max = Math.max(max, v);
      }
      if (kind == 3) {
        scores[i * k + labels[i]] = r.nextBoolean() ? 1e4f : -1e4f;
      }
      for (int j = 0; kind == 4 && j < k; j++) {
        double smoothed = (j == labels[i] ? 0.9 : 0) + 0.1 / k;
        scores[i * k + j] = (float) (Math.log(smoothed) + 1e-4 * r.nextGaussian());
        max = j == 0 ? scores[i * k] : Math.max(max, scores[i * k + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(scores[i * k + j] - max);
      }
      for (int j = 0; j < k; j++) {
        double x = scores[i * k + j];
        double near = kind == 0 ? 1 / (1 + Math.exp(-x)) : kind == 1 ? Math.exp(x - max) / sum : 1;
        y[i * k + j] = kind == 2 ? 1 - 1e-4 * (1 + r.nextDouble())
            : Math.min(1, near * (1 + 1e-4 * r.nextGaussian()));
      }
    }
    assertFloatPathMatchesDoublePath(n, k, scores, y, labels, kind < 3);
  }

  private static double[] posWeights(int k) {
    double[] q = new double[k];
    for (int j = 0; j < k; j++) {
      q[j] = j % 3 == 0 ? 0.25 : 3.0 + j % 5;
    }
    return q;
  }

  private static void assertFloatPathMatchesDoublePath(int n, int k, float[] scores, double[] y,
      int[] labels, boolean dense) {
    double[] wide = new double[n * k];
    for (int i = 0; i < n * k; i++) {
      wide[i] = scores[i];
    }
    double[] classWeights = new double[k];
    for (int j = 0; j < k; j++) {
      classWeights[j] = 0.5 + (j % 4);
    }
    // cosine needs a direction in every target row
    double[] directed = y.clone();
    for (int i = 0; i < n; i++) {
      boolean zero = true;
      for (int j = 0; j < k; j++) {
        zero &= directed[i * k + j] == 0;
      }
      if (zero) {
        directed[i * k + labels[i]] = 1;
      }
    }
    for (String name : List.of("cross-entropy", "smoothed cross-entropy", "weighted cross-entropy",
        "binary-cross-entropy", "weighted binary-cross-entropy", "mse", "softmax-mse", "focal",
        "huber", "poly1", "gce", "sce", "nce-rce", "nce-mae", "taylor-ce", "sparsemax", "sigmoid-focal",
        "rescaled-mse", "cosine")) {
      boolean labelsOnly = name.endsWith("cross-entropy") && !name.startsWith("binary")
          || List.of("focal", "poly1", "gce", "sce", "nce-rce", "nce-mae", "taylor-ce", "sparsemax",
              "rescaled-mse").contains(name);
      Target t = name.equals("cosine") ? Target.dense(n, k, directed)
          : dense && !labelsOnly ? Target.dense(n, k, y) : Target.labels(labels);
      Loss loss = switch (name) {
        case "smoothed cross-entropy" -> Losses.create("cross-entropy", Map.of("labelSmoothing", 0.1));
        case "weighted cross-entropy" -> Losses.create("cross-entropy", Map.of("weight", classWeights));
        case "weighted binary-cross-entropy" -> Losses.create("binary-cross-entropy",
            Map.of("weight", classWeights, "posWeight", posWeights(k)));
        default -> Losses.create(name);
      };
      for (Reduction reduction : new Reduction[] {Reduction.MEAN, Reduction.SUM}) {
        LossResult exact = LossEvaluation.evaluate(loss, wide, n, k, t, reduction);
        float[] g = new float[n * k];
        double v = LossEvaluation.evaluate(loss, scores, n, k, t, reduction, g);
        assertThat(v).as("%s value", name).isFinite();
        assertThat(Math.abs(v - exact.value())).as("%s value", name)
            .isLessThanOrEqualTo(1e-5 * Math.abs(exact.value()) + 1e-7);
        for (int i = 0; i < n; i++) {
          double rowMax = 0;
          for (int j = 0; j < k; j++) {
            rowMax = Math.max(rowMax, Math.abs(exact.gradient(i, j)));
          }
          for (int j = 0; j < k; j++) {
            assertThat(g[i * k + j]).as("%s gradient", name).isFinite();
            assertThat(Math.abs(g[i * k + j] - exact.gradient(i, j))).as("%s gradient", name)
                .isLessThanOrEqualTo(1e-5 * rowMax + 1e-12);
          }
        }
      }
    }
  }
}
