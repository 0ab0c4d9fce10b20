package dev.losslab.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reductions: PyTorch's meanings, the gradient scaled with the value, and the empty-batch rule. */
class ReductionTest {

  @Test
  void emptyBatchHasValueZeroUnderEveryReduction() {
    for (String name : Losses.names()) {
      Loss loss = Losses.create(name);
      Target t = labelsOnly(loss, 3) ? Target.labels() : Target.dense(0, 3, new double[0]);
      for (Reduction r : Reduction.values()) {
        LossResult result = LossEvaluation.evaluate(loss, new double[0], 0, 3, t, r);
        assertThat(result.value()).as("%s %s", name, r).isZero();
        assertThat(result.gradient()).isEmpty();
      }
    }
  }

  /** Whether the loss takes class labels only (it rejects a one-hot target row). */
  private static boolean labelsOnly(Loss loss, int k) {
    double[] row = new double[k];
    row[0] = 1;
    try {
      loss.validate(Target.dense(1, k, row), 1, k);
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  @Test
  void allIgnoredGivesZeroValueAndGradientUnderMean() {
    for (String name : new String[] {"cross-entropy", "nll"}) {
      Loss loss = Losses.create(name, Map.of("ignoreIndex", 1));
      LossResult r = LossEvaluation.evaluate(loss, new double[] {3, -1, 0, 2}, 2, 2,
          Target.labels(1, 1), Reduction.MEAN);
      assertThat(r.value()).isZero();
      assertThat(r.gradient()).containsOnly(0.0);
    }
  }

  @Test
  void ignoredExamplesLeaveNumeratorAndDenominator() {
    Loss loss = Losses.create("cross-entropy", Map.of("ignoreIndex", -1, "weight", "2,1"));
    double[] s = {3, -1, 0, 2, 1, 1};
    LossResult all = LossEvaluation.evaluate(loss, s, 3, 2, Target.labels(0, -1, 1), Reduction.MEAN);
    LossResult kept = LossEvaluation.evaluate(loss, new double[] {3, -1, 1, 1}, 2, 2,
        Target.labels(0, 1), Reduction.MEAN);
    assertThat(all.value()).isCloseTo(kept.value(), org.assertj.core.data.Offset.offset(1e-15));
    assertThat(all.gradient(1, 0)).isZero();
    assertThat(all.gradient(1, 1)).isZero();
  }

  @Test
  void meanSumAndNoneAgreeAndScaleTheGradient() {
    double[] s = {0.3, -1.2, 2.5, 0.7, 1.1, -0.4};
    Target dense = Target.dense(2, 3, new double[] {0.2, 0.5, 0.3, 1, 0, 0});
    for (String name : Losses.names()) {
      Loss loss = Losses.create(name);
      Target t = labelsOnly(loss, 3) ? Target.labels(2, 0) : dense;
      LossResult sum = LossEvaluation.evaluate(loss, s, 2, 3, t, Reduction.SUM);
      LossResult mean = LossEvaluation.evaluate(loss, s, 2, 3, t, Reduction.MEAN);
      LossResult none = LossEvaluation.evaluate(loss, s, 2, 3, t, Reduction.NONE);
      int count = loss.elementwise() ? 6 : 2;
      assertThat(none.values()).as(name).hasSize(count);
      double total = 0;
      for (double v : none.values()) {
        total += v;
      }
      assertThat(total).as(name).isCloseTo(sum.value(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(mean.value()).as(name)
          .isCloseTo(sum.value() / count, org.assertj.core.data.Offset.offset(1e-12));
      for (int i = 0; i < 6; i++) {
        assertThat(mean.gradient()[i] * count).as(name)
            .isCloseTo(sum.gradient()[i], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(none.gradient()[i]).isEqualTo(sum.gradient()[i]);
      }
    }
  }

  @Test
  void theFloatPathIgnoresLikeTheDoublePath() {
    Loss loss = Losses.create("cross-entropy", Map.of("ignoreIndex", 1));
    float[] s = {3, -1, 0, 2, 1, 1};
    float[] g = new float[6];
    double v = LossEvaluation.evaluate(loss, s, 3, 2, Target.labels(0, 1, 1), Reduction.MEAN, g);
    LossResult exact = LossEvaluation.evaluate(loss, new double[] {3, -1, 0, 2, 1, 1}, 3, 2,
        Target.labels(0, 1, 1), Reduction.MEAN);
    assertThat(v).isCloseTo(exact.value(), org.assertj.core.data.Offset.offset(1e-7));
    for (int i = 0; i < 6; i++) {
      assertThat((double) g[i]).isCloseTo(exact.gradient()[i], org.assertj.core.data.Offset.offset(1e-7));
    }
    java.util.Arrays.fill(g, 9f);
    assertThat(LossEvaluation.evaluate(loss, s, 3, 2, Target.labels(1, 1, 1), Reduction.MEAN, g)).isZero();
    assertThat(g).containsOnly(0f);
    assertThat(LossEvaluation.evaluate(loss, new float[0], 0, 2, Target.labels(), Reduction.MEAN,
        new float[0])).isZero();
  }

  @Test
  void weightedCrossEntropyMeanDividesBySumOfTargetWeights() {
    Loss loss = Losses.create("cross-entropy", Map.of("weight", new double[] {1, 2, 3}));
    double[] s = {2, 1, 0.1, 0.5, 2.5, 0.3};
    LossResult sum = LossEvaluation.evaluate(loss, s, 2, 3, Target.labels(0, 2), Reduction.SUM);
    LossResult mean = LossEvaluation.evaluate(loss, s, 2, 3, Target.labels(0, 2), Reduction.MEAN);
    assertThat(mean.value()).isCloseTo(sum.value() / 4, org.assertj.core.data.Offset.offset(1e-15));
  }

  /** Options without a fused float loop go through the double path, scaled by the reduction. */
  @Test
  void weightedLossesTakeTheFloatPathThroughTheDoublePath() {
    float[] s = {3, -1, 0, 2, 1, 1, -2, 0.5f, 4};
    double[] wide = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      wide[i] = s[i];
    }
    Map<Loss, Target> cases = Map.of(
        Losses.create("cross-entropy", Map.of("weight", "1,2,3", "labelSmoothing", 0.1)),
        Target.labels(0, 2, 1),
        Losses.create("binary-cross-entropy", Map.of("posWeight", "2,1,0.5")),
        Target.dense(3, 3, new double[] {1, 0, 1, 0, 0, 1, 1, 1, 0}));
    cases.forEach((loss, t) -> {
      for (Reduction r : new Reduction[] {Reduction.MEAN, Reduction.SUM}) {
        float[] g = new float[s.length];
        double v = LossEvaluation.evaluate(loss, s, 3, 3, t, r, g);
        LossResult exact = LossEvaluation.evaluate(loss, wide, 3, 3, t, r);
        assertThat(v).as("%s %s value", loss, r)
            .isCloseTo(exact.value(), org.assertj.core.data.Offset.offset(1e-6 * Math.abs(exact.value())));
        for (int i = 0; i < s.length; i++) {
          assertThat((double) g[i]).as("%s %s gradient %d", loss, r, i)
              .isCloseTo(exact.gradient()[i], org.assertj.core.data.Offset.offset(1e-7));
        }
      }
    });
  }
}
