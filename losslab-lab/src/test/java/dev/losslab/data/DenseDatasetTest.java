package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.train.Examples;
import org.junit.jupiter.api.Test;

class DenseDatasetTest {

  static DenseDataset four() {
    return DenseDataset.classification("four", new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 2,
        new int[] {0, 1, 1, 2}, 3);
  }

  @Test
  void checksumIdentifiesContent() {
    DenseDataset a = four();
    assertThat(a.checksum()).hasSize(16).isEqualTo(four().checksum());
    DenseDataset otherLabels = a.withLabels("x", new int[] {0, 1, 1, 1});
    DenseDataset otherFeatures = a.withFeatures("y", new float[] {0, 1, 2, 3, 4, 5, 6, 8});
    assertThat(otherLabels.checksum()).isNotEqualTo(a.checksum());
    assertThat(otherFeatures.checksum()).isNotEqualTo(a.checksum());
  }

  @Test
  void subsetSplitAndCounts() {
    DenseDataset a = four();
    DenseDataset s = a.subset("s", new int[] {3, 0});
    assertThat(s.features()).containsExactly(6f, 7f, 0f, 1f);
    assertThat(s.labels()).containsExactly(2, 0);
    assertThat(a.classCounts()).containsExactly(1, 2, 1);
    DenseDataset.Split split = a.split(0.25, 3);
    assertThat(split.test().rows()).isEqualTo(1);
    assertThat(split.train().rows()).isEqualTo(3);
    assertThat(a.split(0.25, 3).test().checksum()).isEqualTo(split.test().checksum());
    assertThat(a.head(2).rows()).isEqualTo(2);
    assertThat(a.head(10)).isSameAs(a);
  }

  @Test
  void examplesViewSharesTheArrays() {
    DenseDataset a = four();
    Examples e = a.examples();
    assertThat(e.features()).isSameAs(a.features());
    assertThat(e.target().label(3)).isEqualTo(2);
    DenseDataset r = DenseDataset.regression("r", new float[] {1, 2}, 2, 1, new double[] {0.5, 1.5}, 1);
    assertThat(r.examples().target().hasLabels()).isFalse();
    assertThat(r.examples().target().value(1, 0)).isEqualTo(1.5);
  }

  @Test
  void badShapesAndLabelsAreNamed() {
    assertThatThrownBy(() -> DenseDataset.classification("d", new float[3], 2, 2, new int[2], 2))
        .hasMessage("d: features have 3 values, expected rows (2) × columns (2)");
    assertThatThrownBy(() -> DenseDataset.classification("d", new float[4], 2, 2, new int[] {0, 5}, 2))
        .hasMessage("d: label 5 of example 1 is outside [0, 2)");
    assertThatThrownBy(() -> four().split(1.0, 1)).hasMessageContaining("test fraction (1.0)");
    assertThatThrownBy(() -> four().subset("s", new int[] {9})).hasMessageContaining("index 9");
  }
}
