package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MedianStoppingRuleTest {
  static final double NaN = Double.NaN;

  @Test
  void rungsArePowersOfTwo() {
    assertThat(MedianStoppingRule.isRung(1)).isTrue();
    assertThat(MedianStoppingRule.isRung(2)).isTrue();
    assertThat(MedianStoppingRule.isRung(3)).isFalse();
    assertThat(MedianStoppingRule.isRung(8)).isTrue();
    assertThat(MedianStoppingRule.isRung(12)).isFalse();
    assertThat(MedianStoppingRule.isRung(0)).isFalse();
  }

  @Test
  void nothingStopsBeforeARungHasEnoughReferences() {
    MedianStoppingRule r = new MedianStoppingRule(3);
    r.record(new double[] {0.5, 0.6});
    r.record(new double[] {0.4, 0.7});
    assertThat(r.median(1)).isNaN();
    assertThat(r.shouldStop(1, 0.0)).isFalse();
    r.record(new double[] {0.3});
    assertThat(r.median(1)).isEqualTo(0.4);
    assertThat(r.shouldStop(1, 0.39)).isTrue();
    assertThat(r.shouldStop(1, 0.4)).isTrue(); // a tie stops: it shows nothing better
    assertThat(r.shouldStop(1, 0.41)).isFalse();
    assertThat(r.median(2)).isNaN(); // only two trials reached epoch 2
  }

  @Test
  void aRungHoldsTheBestScoreSoFarAndNaNCountsAsMissing() {
    MedianStoppingRule r = new MedianStoppingRule(1);
    // scored after epochs 1, 2 and 4; epoch 3 not scored; the best by epoch 4 is 0.6 from epoch 2
    r.record(new double[] {0.2, 0.6, NaN, 0.5});
    assertThat(r.median(4)).isEqualTo(0.6);
    r.record(new double[] {NaN});
    assertThat(r.median(1)).isEqualTo(0.2);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    MedianStoppingRule r = new MedianStoppingRule(1);
    for (double v : new double[] {0.1, 0.4, 0.2, 0.3}) {
      r.record(new double[] {v});
    }
    assertThat(r.median(1)).isEqualTo(0.25);
    assertThat(r.shouldStop(1, NaN)).isTrue(); // a NaN value is below every median
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> new MedianStoppingRule(0)).hasMessageContaining("minReferences (0)");
    assertThatThrownBy(() -> MedianStoppingRule.standard().shouldStop(3, 0.5))
        .hasMessageContaining("epoch 3 is not a rung");
  }
}
