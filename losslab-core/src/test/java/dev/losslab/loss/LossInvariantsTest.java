package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.losslab.math.Stable;
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
import org.junit.jupiter.api.Test;

/**
 * What defines the margin, ratio and angle losses, for all inputs: sparsemax's margin of 1, simplex
 * and shift invariance, NCE as a ratio of cross-entropies, the cosine distance's scale invariance, and
 * the sigmoid focal loss as weighted binary cross-entropy.
 */
class LossInvariantsTest {

  /** One example: scores of mixed scales and a label. */
  record Row(double[] s, int y) {}

  @Provide
  Arbitrary<Row> rows() {
    return Combinators.combine(Arbitraries.integers().between(2, 9), Arbitraries.longs())
        .as((k, seed) -> {
          Random r = new Random(seed);
          double scale = new double[] {0.1, 1, 10, 1e3, 1e4}[r.nextInt(5)];
          double[] s = new double[k];
          for (int j = 0; j < k; j++) {
            s[j] = scale * r.nextGaussian();
          }
          return new Row(s, r.nextInt(k));
        });
  }

  private static LossResult sum(Loss loss, double[] s, Target t) {
    return LossEvaluation.evaluate(loss, s, 1, s.length, t, Reduction.SUM);
  }

  @Property(tries = 300, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void sparsemaxIsZeroBeyondAMarginOfOneAndItsGradientIsTheProjectionMinusTheLabel(
      @ForAll("rows") Row row, @ForAll @DoubleRange(min = -1e3, max = 1e3) double shift) {
    Loss loss = Losses.create("sparsemax");
    double[] s = row.s();
    int k = s.length;
    LossResult r = sum(loss, s, Target.labels(row.y()));
    double[] p = new double[k];
    SparsemaxLoss.sparsemax(s, 0, k, p, 0);
    double total = 0;
    double rival = Double.NEGATIVE_INFINITY;
    double max = 0;
    for (int j = 0; j < k; j++) {
      assertThat(p[j]).isGreaterThanOrEqualTo(0.0);
      total += p[j];
      assertThat(r.gradient()[j]).isEqualTo(p[j] - (j == row.y() ? 1 : 0));
      if (j != row.y()) {
        rival = Math.max(rival, s[j]);
      }
      max = Math.max(max, Math.abs(s[j]));
    }
    assertThat(total).isCloseTo(1.0, offset(1e-12 * k));
    double margin = s[row.y()] - rival;
    assertThat(r.value()).isGreaterThanOrEqualTo(0.0);
    double rounding = 8 * k * Math.ulp(max + Math.abs(shift));
    if (margin >= 1) {
      assertThat(r.value()).isZero();
    } else if (margin < 1 - rounding) {
      assertThat(r.value()).isPositive();
    }
    double[] shifted = s.clone();
    for (int j = 0; j < k; j++) {
      shifted[j] += shift;
    }
    LossResult rs = sum(loss, shifted, Target.labels(row.y()));
    assertThat(rs.value()).isCloseTo(r.value(), offset(1e-12 * r.value() + 4 * rounding));
  }

  /** optax's test of the binary case: scores {@code [0, x]} with label 1 give 0, −x or (1 − x)²/4. */
  @Property(tries = 200, seed = "20261122")
  void sparsemaxOfTwoClassesIsOptaxsBinaryLoss(@ForAll @DoubleRange(min = -5, max = 5) double x) {
    double v = sum(Losses.create("sparsemax"), new double[] {0, x}, Target.labels(1)).value();
    double expected = x >= 1 ? 0 : x <= -1 ? -x : (1 - x) * (1 - x) / 4;
    assertThat(v).isCloseTo(expected, offset(1e-15 * (1 + Math.abs(x))));
  }

  /** NCE is cross-entropy divided by its sum over all labels, and so is its gradient's quotient rule. */
  @Property(tries = 300, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void normalizedCrossEntropyIsARatioOfCrossEntropies(@ForAll("rows") Row row) {
    double[] s = row.s();
    int k = s.length;
    Loss ce = Losses.create("cross-entropy");
    double num = 0;
    double den = 0;
    double[] dNum = new double[k];
    double[] dDen = new double[k];
    for (int c = 0; c < k; c++) {
      LossResult r = sum(ce, s, Target.labels(c));
      den += r.value();
      for (int j = 0; j < k; j++) {
        dDen[j] += r.gradient()[j];
      }
      if (c == row.y()) {
        num = r.value();
        System.arraycopy(r.gradient(), 0, dNum, 0, k);
      }
    }
    LossResult nce = sum(Losses.create("nce-mae", Map.of("alpha", 1.0, "beta", 0.0)), s,
        Target.labels(row.y()));
    assertThat(nce.value()).isCloseTo(num / den, offset(1e-13 * (num / den) + 1e-300))
        .isBetween(0.0, 1.0);
    for (int j = 0; j < k; j++) {
      // the quotient rule here subtracts two terms; it is good to their size, not to its result's
      double terms = (Math.abs(dNum[j]) * den + num * Math.abs(dDen[j])) / (den * den);
      assertThat(nce.gradient()[j]).isCloseTo((dNum[j] * den - num * dDen[j]) / (den * den),
          offset(1e-13 * terms + 1e-300));
    }
    // the passive terms: nce-rce is nce-mae with β scaled by A
    assertThat(sum(Losses.create("nce-rce", Map.of("beta", 0.5)), s, Target.labels(row.y())).value())
        .isEqualTo(sum(Losses.create("nce-mae", Map.of("beta", 0.5 * SymmetricCrossEntropy.A)), s,
            Target.labels(row.y())).value());
  }

  @Test
  void normalizedCrossEntropyOfTiesIsOneOverKAndOfOneClassIsZero() {
    for (int k = 2; k < 7; k++) {
      double[] s = new double[k];
      java.util.Arrays.fill(s, 3.5);
      LossResult r = sum(Losses.create("nce-mae", Map.of("beta", 0.0)), s, Target.labels(k - 1));
      assertThat(r.value()).isCloseTo(1.0 / k, offset(1e-15));
      for (int j = 0; j < k; j++) {
        // ∂NCE/∂s_j = (p_j − δ_jy)/b at ties, b = K log K
        assertThat(r.gradient()[j]).isCloseTo((1.0 / k - (j == k - 1 ? 1 : 0)) / (k * Math.log(k)),
            offset(1e-15));
      }
    }
    for (String name : new String[] {"nce-rce", "nce-mae"}) {
      LossResult one = sum(Losses.create(name), new double[] {7.25}, Target.labels(0));
      assertThat(one.value()).as(name).isZero();
      assertThat(one.gradient()).as(name).containsExactly(0.0);
    }
  }

  /** The cosine distance does not see the length of the scores: exactly so for powers of two. */
  @Property(tries = 300, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void cosineDistanceIsScaleInvariantAndItsGradientOrthogonalToTheScores(@ForAll("rows") Row row,
      @ForAll @IntRange(min = -900, max = 900) int binaryScale, @ForAll long seed) {
    double[] s = row.s();
    int k = s.length;
    Random r = new Random(seed);
    double[] t = new double[k];
    for (int j = 0; j < k; j++) {
      t[j] = r.nextGaussian();
    }
    Loss cosine = Losses.create("cosine");
    Target target = Target.dense(1, k, t);
    LossResult base = sum(cosine, s, target);
    double c = Math.scalb(1.0, binaryScale);
    double[] scaled = new double[k];
    double dot = 0;
    double ss = 0;
    double gg = 0;
    double st = 0;
    double tt = 0;
    for (int j = 0; j < k; j++) {
      scaled[j] = s[j] * c;
      dot += base.gradient()[j] * s[j];
      ss += s[j] * s[j];
      gg += base.gradient()[j] * base.gradient()[j];
      st += s[j] * t[j];
      tt += t[j] * t[j];
    }
    LossResult big = sum(cosine, scaled, target);
    assertThat(big.value()).isEqualTo(base.value());
    for (int j = 0; j < k; j++) {
      if (Math.abs(base.gradient()[j] / c) > Double.MIN_NORMAL) {
        assertThat(big.gradient()[j]).isEqualTo(base.gradient()[j] / c);
      }
    }
    assertThat(Math.abs(dot)).isLessThanOrEqualTo(1e-13 * Math.sqrt(ss * gg));
    assertThat(base.value()).isBetween(0.0, 2.0)
        .isCloseTo(1 - st / Math.sqrt(ss * tt), offset(1e-13));
  }

  @Test
  void cosineDistanceAtParallelOppositeAndZeroScores() {
    Loss cosine = Losses.create("cosine");
    Target t = Target.dense(1, 3, new double[] {3, -4, 0});
    LossResult along = sum(cosine, new double[] {0.6e-200, -0.8e-200, 0}, t);
    assertThat(along.value()).isZero();
    for (double g : along.gradient()) {
      assertThat(Math.abs(g)).isZero();
    }
    assertThat(sum(cosine, new double[] {-3e200, 4e200, 0}, t).value()).isCloseTo(2.0, offset(1e-15));
    // nearly parallel: 1 − cos θ ≈ θ²/2 = 5e−21, which 1 − ⟨s, t⟩/(‖s‖‖t‖) rounds to 0
    LossResult near = sum(cosine, new double[] {1, 1e-10}, Target.dense(1, 2, new double[] {1, 0}));
    assertThat(near.value()).isCloseTo(5e-21, offset(1e-35));
    assertThat(near.gradient()[1]).isCloseTo(1e-10, offset(1e-24));
    // the zero row's convention: cosine 0, gradient −t̂
    LossResult zero = sum(cosine, new double[3], t);
    assertThat(zero.value()).isEqualTo(1.0);
    assertThat(zero.gradient()).containsExactly(-0.6, 0.8, -0.0);
  }

  /**
   * The sigmoid focal loss with γ = 0 and no α weighting is binary cross-entropy; on 0/1 targets α
   * weights each element by α or 1 − α; and each element is {@code α_t·BCE·(1 − p_t)^γ} computed here.
   */
  @Property(tries = 200, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void sigmoidFocalIsWeightedBinaryCrossEntropy(@ForAll("rows") Row row, @ForAll long seed,
      @ForAll @DoubleRange(min = 0, max = 5) double gamma,
      @ForAll @DoubleRange(min = 0, max = 1) double alpha) {
    double[] s = row.s();
    int k = s.length;
    Random r = new Random(seed);
    double[] soft = new double[k];
    double[] hard = new double[k];
    for (int j = 0; j < k; j++) {
      soft[j] = r.nextDouble();
      hard[j] = r.nextInt(2);
    }
    Target ts = Target.dense(1, k, soft);
    Target th = Target.dense(1, k, hard);
    Loss bce = Losses.create("binary-cross-entropy");
    LossResult plain = LossEvaluation.evaluate(Losses.create("sigmoid-focal",
        Map.of("gamma", 0.0, "alpha", -1.0)), s, 1, k, ts, Reduction.NONE);
    LossResult expected = LossEvaluation.evaluate(bce, s, 1, k, ts, Reduction.NONE);
    for (int j = 0; j < k; j++) {
      assertThat(plain.values()[j]).isCloseTo(expected.values()[j], offset(1e-15 * expected.values()[j]));
      assertThat(plain.gradient()[j]).isCloseTo(expected.gradient()[j], offset(1e-16));
    }
    LossResult weighted = LossEvaluation.evaluate(Losses.create("sigmoid-focal",
        Map.of("gamma", gamma, "alpha", alpha)), s, 1, k, th, Reduction.NONE);
    LossResult unweighted = LossEvaluation.evaluate(Losses.create("sigmoid-focal",
        Map.of("gamma", gamma, "alpha", -1.0)), s, 1, k, th, Reduction.NONE);
    LossResult onSoft = LossEvaluation.evaluate(Losses.create("sigmoid-focal",
        Map.of("gamma", gamma, "alpha", alpha)), s, 1, k, ts, Reduction.NONE);
    for (int j = 0; j < k; j++) {
      double at = hard[j] == 1 ? alpha : 1 - alpha;
      assertThat(weighted.values()[j]).isCloseTo(at * unweighted.values()[j],
          offset(1e-14 * unweighted.values()[j]));
      assertThat(weighted.gradient()[j]).isCloseTo(at * unweighted.gradient()[j],
          offset(1e-14 * Math.abs(unweighted.gradient()[j])));
      if (Math.abs(s[j]) < 5) { // where 1 − p_t by subtraction keeps 13 digits
        double p = Stable.sigmoid(s[j]);
        double y = soft[j];
        double pt = p * y + (1 - p) * (1 - y);
        double ce = y * Stable.softplus(-s[j]) + (1 - y) * Stable.softplus(s[j]);
        double value = (alpha * y + (1 - alpha) * (1 - y)) * ce * Math.pow(1 - pt, gamma);
        assertThat(onSoft.values()[j]).isCloseTo(value, offset(1e-11 * value + 1e-300));
      }
    }
  }
}
