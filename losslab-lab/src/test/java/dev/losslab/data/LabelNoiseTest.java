package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LabelNoiseTest {

  @Property(tries = 200)
  void flipsExactlyTheRateAndAlwaysToAnotherClass(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 2, max = 12) int classes, @ForAll @DoubleRange(min = 0, max = 1) double rate,
      @ForAll long seed) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (i * 7) % classes;
    }
    int[] noisy = LabelNoise.inject(labels, classes, rate, seed);
    int changed = 0;
    for (int i = 0; i < n; i++) {
      assertThat(noisy[i]).isBetween(0, classes - 1);
      if (noisy[i] != labels[i]) {
        changed++;
      }
    }
    assertThat(changed).isEqualTo((int) Math.round(rate * n));
    assertThat(LabelNoise.inject(labels, classes, rate, seed)).containsExactly(noisy);
  }

  @Test
  void rateZeroIsACopyAndBadArgumentsAreNamed() {
    int[] labels = {0, 1, 2};
    int[] same = LabelNoise.inject(labels, 3, 0.0, 1);
    assertThat(same).containsExactly(labels).isNotSameAs(labels);
    assertThatThrownBy(() -> LabelNoise.inject(labels, 3, 1.5, 1))
        .hasMessage("label noise rate (1.5) must be in [0, 1]");
    assertThatThrownBy(() -> LabelNoise.inject(new int[] {0, 0}, 1, 0.5, 1))
        .hasMessageContaining("at least 2 classes");
    DenseDataset r = DenseDataset.regression("r", new float[] {1}, 1, 1, new double[] {1}, 1);
    assertThatThrownBy(() -> LabelNoise.inject(r, 0.1, 1)).hasMessageContaining("needs labels");
  }

  @Test
  void flippedLabelsAreSpreadOverTheOtherClasses() {
    int n = 30000;
    int[] labels = new int[n];
    int[] noisy = LabelNoise.inject(labels, 4, 0.3, 5);
    int[] counts = new int[4];
    for (int y : noisy) {
      counts[y]++;
    }
    assertThat(counts[0]).isEqualTo(n - 9000);
    for (int c = 1; c < 4; c++) {
      assertThat(counts[c]).isBetween(2700, 3300);
    }
  }

  @Property(tries = 200)
  void pairFlipMovesExactlyTheRateOfEachClassToTheNextClass(
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 2, max = 12) int classes,
      @ForAll @DoubleRange(min = 0, max = 1) double rate, @ForAll long seed) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (i * 7) % classes;
    }
    int[] noisy = LabelNoise.pairFlip(labels, classes, rate, seed);
    int[] members = new int[classes];
    int[] flipped = new int[classes];
    for (int i = 0; i < n; i++) {
      members[labels[i]]++;
      if (noisy[i] != labels[i]) {
        assertThat(noisy[i]).isEqualTo((labels[i] + 1) % classes);
        flipped[labels[i]]++;
      }
    }
    for (int c = 0; c < classes; c++) {
      assertThat(flipped[c]).as("class %d", c).isEqualTo((int) Math.round(rate * members[c]));
    }
    assertThat(LabelNoise.Kind.PAIR.apply(labels, classes, rate, seed)).containsExactly(noisy);
  }

  @Test
  void pairFlipChecksItsArgumentsAndNamesTheKind() {
    assertThatThrownBy(() -> LabelNoise.pairFlip(new int[] {0, 1}, 2, -0.1, 1))
        .hasMessage("label noise rate (-0.1) must be in [0, 1]");
    assertThatThrownBy(() -> LabelNoise.pairFlip(new int[] {0, 3}, 2, 0.5, 1))
        .hasMessage("label 3 of example 1 is outside [0, 2)");
    DenseDataset d = DenseDataset.classification("d", new float[] {0, 1, 2, 3}, 4, 1,
        new int[] {0, 0, 1, 1}, 2);
    DenseDataset noisy = LabelNoise.Kind.PAIR.apply(d, 0.5, 3);
    assertThat(noisy.name()).isEqualTo("d (pair-flip label noise 0.5, seed 3)");
    assertThat(java.util.Arrays.stream(noisy.labels()).filter(y -> y == 0).count()).isEqualTo(2);
  }
}
