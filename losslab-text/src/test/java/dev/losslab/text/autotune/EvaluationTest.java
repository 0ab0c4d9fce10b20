package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.text.Predictions;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  /** Logs one example with gold labels {@code gold} and predictions {label, probability}... */
  static void log(Evaluation.Accumulator acc, int[] gold, double... predictions) {
    Predictions p = new Predictions(4);
    p.reset(predictions.length / 2);
    for (int i = 0; i < predictions.length; i += 2) {
      float prob = (float) predictions[i + 1];
      p.offer((float) Math.log(prob), (int) predictions[i], prob);
    }
    p.sort();
    acc.log(gold, 0, gold.length, p);
  }

  /** Four examples over three labels; two of the four top-1 predictions are right. */
  static Evaluation four(boolean keepScores) {
    Evaluation.Accumulator a = new Evaluation.Accumulator(3, keepScores);
    log(a, new int[] {0}, 0, 0.9);
    log(a, new int[] {1}, 0, 0.8);
    log(a, new int[] {1}, 1, 0.7);
    log(a, new int[] {2}, 1, 0.6);
    return a.result();
  }

  @Test
  void countsAndMicroF1AsFastTextsMeter() {
    Evaluation e = four(false);
    assertThat(e.examples()).isEqualTo(4);
    assertThat(e.gold()).isEqualTo(4);
    assertThat(e.predicted()).isEqualTo(4);
    assertThat(e.predictedGold()).isEqualTo(2);
    assertThat(e.precision()).isEqualTo(0.5);
    assertThat(e.recall()).isEqualTo(0.5);
    assertThat(e.f1()).isEqualTo(0.5);
  }

  @Test
  void perLabelF1() {
    Evaluation e = four(false);
    assertThat(e.f1(0)).isCloseTo(2.0 / 3, within(1e-12)); // predicted twice, gold once, right once
    assertThat(e.f1(1)).isCloseTo(0.5, within(1e-12)); // predicted twice, gold twice, right once
    assertThat(e.f1(2)).isZero(); // gold once, never predicted
    Evaluation.Accumulator none = new Evaluation.Accumulator(3, false);
    log(none, new int[] {0}, 0, 0.9);
    assertThat(none.result().f1(2)).isNaN(); // neither predicted nor gold
  }

  @Test
  void f1IsZeroNotNaNWhenNothingIsRight() {
    Evaluation.Accumulator a = new Evaluation.Accumulator(2, false);
    log(a, new int[] {0}, 1, 0.9);
    assertThat(a.result().f1()).isZero();
  }

  @Test
  void precisionAtRecallAndRecallAtPrecisionReadTheCurve() {
    // points by falling probability: (1, .25) (.5, .25) (2/3, .5) (.5, .5), then (1, 0)
    Evaluation e = four(true);
    assertThat(e.precisionAtRecall(0.25, -1)).isEqualTo(1.0);
    assertThat(e.precisionAtRecall(0.5, -1)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(e.precisionAtRecall(0.75, -1)).isZero();
    assertThat(e.recallAtPrecision(0.6, -1)).isEqualTo(0.5);
    assertThat(e.recallAtPrecision(1.0, -1)).isEqualTo(0.25);
    // label 1 alone: predicted with 0.7 (right) and 0.6 (wrong), gold twice
    assertThat(e.precisionAtRecall(0.5, 1)).isEqualTo(1.0);
    assertThat(e.recallAtPrecision(0.9, 1)).isEqualTo(0.5);
  }

  @Test
  void equalProbabilitiesMakeOnePoint() {
    Evaluation.Accumulator a = new Evaluation.Accumulator(2, true);
    log(a, new int[] {0}, 0, 0.5);
    log(a, new int[] {1}, 0, 0.5);
    Evaluation e = a.result();
    // one point (0.5, 1.0): the right prediction cannot be ranked before its tied wrong one
    assertThat(e.recallAtPrecision(0.6, -1)).isZero();
    assertThat(e.precisionAtRecall(0.5, -1)).isEqualTo(0.5);
  }

  @Test
  void mergedPartsEqualTheWhole() {
    Evaluation.Accumulator a = new Evaluation.Accumulator(3, true);
    Evaluation.Accumulator b = new Evaluation.Accumulator(3, true);
    log(a, new int[] {0}, 0, 0.9);
    log(a, new int[] {1}, 0, 0.8);
    log(b, new int[] {1}, 1, 0.7);
    log(b, new int[] {2}, 1, 0.6);
    Evaluation m = Evaluation.merge(a.result(), b.result());
    Evaluation w = four(true);
    assertThat(m.f1()).isEqualTo(w.f1());
    for (int l = 0; l < 3; l++) {
      assertThat(m.labelGold(l)).isEqualTo(w.labelGold(l));
      assertThat(m.labelPredictedGold(l)).isEqualTo(w.labelPredictedGold(l));
    }
    assertThat(m.precisionAtRecall(0.5, -1)).isEqualTo(w.precisionAtRecall(0.5, -1));
  }

  @Test
  void theCurveNeedsTheScores() {
    assertThatThrownBy(() -> four(false).precisionAtRecall(0.5, -1))
        .isInstanceOf(IllegalStateException.class);
  }
}
