package dev.losslab.text.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fastText model file of either kind, as {@link #read} finds it: a dense {@code .bin}
 * ({@link FastTextBinary.Compact}) or a quantized {@code .ftz} ({@link FastTextQuantized}). The file's
 * first byte after the dictionary ({@code quant_input}) decides, not its name.
 */
public sealed interface FastTextFile permits FastTextBinary.Compact, FastTextQuantized {
  /** The hyperparameters stored in the file. */
  FastTextArgs args();

  /** Words and labels as bytes, with their counts. */
  DictionaryBytes dictionary();

  /** The input matrix {@code A}: dense, or quantized in a {@code .ftz}. */
  StoredMatrix input();

  /** The file's {@code qout} flag. */
  boolean qout();

  /** The output matrix {@code B}: dense, or quantized in a {@code .ftz} written with {@code -qout}. */
  StoredMatrix output();

  /** Whether the input matrix is quantized (a {@code .ftz}). */
  default boolean quantized() {
    return input() instanceof QuantizedMatrix;
  }

  /**
   * Reads a fastText model file, dense or quantized, with the checks of {@link FastTextBinary#read}:
   * every size against the bytes that remain before anything is allocated, every value finite, every
   * code and {@code pruneidx} entry in range.
   *
   * @throws MalformedModelException if the file is truncated, corrupted, hostile or of another version:
   *     one line naming the file, the byte offset and what is wrong
   * @throws IOException if the file cannot be read ({@link java.nio.file.NoSuchFileException} etc.)
   */
  static FastTextFile read(Path file) throws IOException {
    return FastTextBinaryReader.readAny(file);
  }
}
