package dev.losslab.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening data files: gzip is recognised by its magic bytes, not by the file name. */
final class DataFiles {
  private DataFiles() {}

  /**
   * Opens {@code file} for reading, decompressing it if it starts with gzip's magic bytes.
   *
   * @throws IllegalArgumentException if the file does not exist or is a directory
   * @throws UncheckedIOException naming the file on any other I/O error
   */
  static InputStream open(Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + ": is a directory, expected a file");
    }
    try {
      BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      return in;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
