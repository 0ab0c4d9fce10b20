package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeterTest {

  private static Predictions predicted(int... labels) {
    Predictions p = new Predictions(4);
    p.reset(labels.length);
    for (int i = 0; i < labels.length; i++) {
      p.offer(-i, labels[i]);
    }
    p.sort();
    return p;
  }

  @Test
  void precisionAndRecallAtKAsFastText() {
    Meter m = new Meter(3);
    m.log(new int[] {0}, 0, 1, predicted(0));          // hit
    m.log(new int[] {1, 2}, 0, 2, predicted(2));       // hit, one gold missed
    m.log(new int[] {1}, 0, 1, predicted(0));          // miss
    assertThat(m.examples()).isEqualTo(3);
    assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.recall()).isCloseTo(2.0 / 4, within(1e-12));
  }

  @Test
  void perLabelRecallCountsGoldOccurrences() {
    Meter m = new Meter(3);
    m.log(new int[] {0}, 0, 1, predicted(0));
    m.log(new int[] {1, 2}, 0, 2, predicted(2));
    m.log(new int[] {1}, 0, 1, predicted(0));
    // label 0: predicted twice, right once, gold once
    assertThat(m.precision(0)).isEqualTo(0.5);
    assertThat(m.recall(0)).isEqualTo(1.0);
    assertThat(m.f1(0)).isCloseTo(2 * 0.5 * 1.0 / 1.5, within(1e-12));
    // label 1: never predicted, gold twice: precision undefined, recall 0, F1 0
    assertThat(m.precision(1)).isNaN();
    assertThat(m.recall(1)).isEqualTo(0.0);
    assertThat(m.f1(1)).isEqualTo(0.0);
    // label 2: predicted once, right once, gold once
    assertThat(m.f1(2)).isEqualTo(1.0);
  }

  @Test
  void metersOfTwoPartsAddUpToTheMeterOfTheWhole() {
    Meter whole = new Meter(3);
    Meter first = new Meter(3);
    Meter second = new Meter(3);
    int[][] gold = {{0}, {1, 2}, {1}, {2}};
    int[] pred = {0, 2, 0, 1};
    for (int i = 0; i < gold.length; i++) {
      whole.log(gold[i], 0, gold[i].length, predicted(pred[i]));
      (i < 2 ? first : second).log(gold[i], 0, gold[i].length, predicted(pred[i]));
    }
    Meter sum = first.copy();
    sum.add(second);
    assertThat(first.examples()).isEqualTo(2); // the copy is its own
    assertThat(sum.examples()).isEqualTo(whole.examples());
    assertThat(sum.gold()).isEqualTo(whole.gold());
    assertThat(sum.predicted()).isEqualTo(whole.predicted());
    assertThat(sum.predictedGold()).isEqualTo(whole.predictedGold());
    for (int l = 0; l < 3; l++) {
      assertThat(sum.labelGold(l)).isEqualTo(whole.labelGold(l));
      assertThat(sum.labelPredicted(l)).isEqualTo(whole.labelPredicted(l));
      assertThat(sum.labelPredictedGold(l)).isEqualTo(whole.labelPredictedGold(l));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sum.add(new Meter(2)))
        .hasMessage("a meter of 2 labels added to one of 3");
  }

  @Test
  void predictionsKeepTheBestKInOrder() {
    Predictions p = new Predictions(5);
    p.reset(2);
    p.offer(-3f, 0);
    p.offer(-1f, 1);
    p.offer(-2f, 2);
    p.offer(-5f, 3);
    p.sort();
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.label(0)).isEqualTo(1);
    assertThat(p.label(1)).isEqualTo(2);
  }
}
