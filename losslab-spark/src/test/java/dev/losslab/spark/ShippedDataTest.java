package dev.losslab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.data.DenseDataset;
import dev.losslab.experiment.CompareData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** The broadcast form of a sweep's data: every bit arrives, and the checksum is recomputed. */
class ShippedDataTest {

  static CompareData roundTrip(CompareData d) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ShippedData(d));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return ((ShippedData) in.readObject()).data();
    }
  }

  @Test
  void theDataArrivesBitForBit() throws Exception {
    CompareData d = CompareData.generated(150, 60);
    CompareData back = roundTrip(d);
    assertThat(back.checksum()).isEqualTo(d.checksum());
    assertThat(back.description()).isEqualTo(d.description());
    assertThat(back.train().features()).isEqualTo(d.train().features());
    assertThat(back.test().labels()).isEqualTo(d.test().labels());
    assertThat(back.train().name()).isEqualTo(d.train().name());
  }

  @Test
  void negativeZeroAndNaNFeaturesKeepTheirBits() throws Exception {
    float[] f = {-0.0f, Float.NaN, Float.MIN_VALUE, 1e30f, 2f, 3f};
    DenseDataset train = DenseDataset.classification("t", f, 3, 2, new int[] {0, 1, 0}, 2);
    DenseDataset test = DenseDataset.classification("s", f.clone(), 3, 2, new int[] {1, 0, 1}, 2);
    CompareData back = roundTrip(new CompareData(train, test, "odd floats"));
    assertThat(Float.floatToRawIntBits(back.train().features()[0])).isEqualTo(Float.floatToRawIntBits(-0.0f));
    assertThat(back.checksum()).isEqualTo(new CompareData(train, test, "odd floats").checksum());
  }
}
