package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompareDataTest {

  static final Path FASHION = Path.of("..", "..", "shared", "datasets", "fashion-mnist");

  @Test
  void generatedDataIsDeterministic() {
    CompareData a = CompareData.generated(100, 50);
    CompareData b = CompareData.generated(100, 50);
    assertThat(a.checksum()).isEqualTo(b.checksum());
    assertThat(a.train().classes()).isEqualTo(5);
    assertThat(a.train().columns()).isEqualTo(20);
  }

  @Test
  void readsAnIdxFolderScaledToUnitRange() {
    Path dir = Path.of(System.getProperty("user.dir")).resolve(FASHION).normalize();
    assumeThat(Files.isDirectory(dir)).as("Fashion-MNIST not found at " + dir + "; skipping").isTrue();
    CompareData d = CompareData.dense(dir, 500, 1L);
    assertThat(d.train().rows()).isEqualTo(500);
    assertThat(d.train().columns()).isEqualTo(784);
    assertThat(d.test().rows()).isEqualTo(10_000);
    float max = 0;
    for (float v : d.train().features()) {
      max = Math.max(max, v);
    }
    assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);
  }
}
