package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  static byte[] idx(int dims, int[] sizes, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x0800 | dims);
    for (int s : sizes) {
      out.writeInt(s);
    }
    out.write(data);
    return bytes.toByteArray();
  }

  static void write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
        : Files.newOutputStream(file)) {
      out.write(content);
    }
  }

  /** Three 2×2 images with pixels 0, 1, ..., 11 (the last is 255) and labels 2, 0, 1. */
  void writePair(String prefix, boolean gzip) throws IOException {
    byte[] pixels = new byte[12];
    for (int i = 0; i < 12; i++) {
      pixels[i] = (byte) i;
    }
    pixels[11] = (byte) 255;
    String ext = gzip ? ".gz" : "";
    write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), idx(3, new int[] {3, 2, 2}, pixels), gzip);
    write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), idx(1, new int[] {3}, new byte[] {2, 0, 1}),
        gzip);
  }

  @Test
  void readsPlainAndGzippedFilesAlike() throws IOException {
    writePair("train", true);
    writePair("t10k", false);
    DenseDataset gz = IdxReader.readDirectory(dir, "train");
    DenseDataset plain = IdxReader.readDirectory(dir, "t10k");
    for (DenseDataset d : new DenseDataset[] {gz, plain}) {
      assertThat(d.rows()).isEqualTo(3);
      assertThat(d.columns()).isEqualTo(4);
      assertThat(d.classes()).isEqualTo(3);
      assertThat(d.labels()).containsExactly(2, 0, 1);
      assertThat(d.features()[5]).isEqualTo(5f);
      assertThat(d.features()[11]).isEqualTo(255f); // unsigned
    }
    assertThat(gz.checksum()).isEqualTo(plain.checksum());
    assertThat(gz.name()).endsWith("/train");
  }

  @Test
  void imagesKeepTheirShape() throws IOException {
    writePair("train", false);
    IdxReader.Images im = IdxReader.readImages(dir.resolve("train-images-idx3-ubyte"));
    assertThat(im.count()).isEqualTo(3);
    assertThat(im.height()).isEqualTo(2);
    assertThat(im.width()).isEqualTo(2);
  }

  @Test
  void errorsNameTheFileAndWhatIsWrong() throws IOException {
    Path labels = dir.resolve("labels");
    write(labels, idx(1, new int[] {3}, new byte[] {1, 2, 3}), false);
    Path images = dir.resolve("images");
    write(images, idx(3, new int[] {2, 2, 2}, new byte[8]), false);
    assertThatThrownBy(() -> IdxReader.read("x", images, labels))
        .hasMessageContaining("has 3 labels but").hasMessageContaining("has 2 images");

    assertThatThrownBy(() -> IdxReader.readImages(labels))
        .hasMessageContaining(labels.toString()).hasMessageContaining("has 1 dimensions, expected 3");

    Path truncated = dir.resolve("truncated");
    write(truncated, idx(3, new int[] {2, 2, 2}, new byte[5]), true);
    assertThatThrownBy(() -> IdxReader.readImages(truncated))
        .hasMessageContaining("truncated: expected 8 pixel bytes after the header, found 5");

    Path text = dir.resolve("text.csv");
    Files.writeString(text, "1,2,3\n");
    assertThatThrownBy(() -> IdxReader.readLabels(text))
        .hasMessageContaining("not an unsigned-byte idx file");

    Path empty = dir.resolve("empty");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> IdxReader.readLabels(empty)).hasMessageContaining("empty");

    assertThatThrownBy(() -> IdxReader.readLabels(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("missing: no such file");
    assertThatThrownBy(() -> IdxReader.readDirectory(dir, "nope"))
        .hasMessageContaining("has neither nope-images-idx3-ubyte nor nope-images-idx3-ubyte.gz");
  }
}
