package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Model files with a few random bytes changed, read back: each must either read or fail with a
 * {@link MalformedModelException} that names the file; any other exception fails the test.
 */
final class Corruption {
  private Corruption() {}

  /** Reads a model file. */
  interface Reader {
    void read(Path file) throws IOException;
  }

  /**
   * Writes {@code trials} copies of {@code good} to {@code file}, each with one to four bytes at
   * positions from {@code at} set to random values, and reads each with {@code reader}.
   *
   * @return how many copies were rejected
   */
  static int rejected(byte[] good, Path file, int trials, Random rnd, IntSupplier at, Reader reader)
      throws IOException {
    int rejected = 0;
    for (int trial = 0; trial < trials; trial++) {
      byte[] c = good.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int i = 0; i < flips; i++) {
        c[at.getAsInt()] = (byte) rnd.nextInt(256);
      }
      Files.write(file, c);
      try {
        reader.read(file);
      } catch (MalformedModelException e) {
        rejected++;
        assertThat(e.getMessage()).startsWith(file + ": ");
      }
    }
    return rejected;
  }
}
