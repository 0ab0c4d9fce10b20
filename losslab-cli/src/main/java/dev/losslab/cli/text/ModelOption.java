package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loading a model for a command, with user-facing errors. */
final class ModelOption {
  private ModelOption() {}

  /**
   * Loads a model with user-facing errors. The free-heap ratios are lowered first ({@link HeapTrim}):
   * the input matrix is one array of hundreds of MB, and G1 otherwise grows the heap to 70 % free
   * around it and touches its marking bitmaps over all of that (20news: 16 MB more peak RSS). A
   * model file under {@link HeapTrim#WORTHWHILE} is loaded without.
   */
  static TextClassifier load(Path file) {
    if (!Files.exists(file)) {
      throw new Errors.UserException(file + ": no such model file");
    }
    if (sizeOf(file) >= HeapTrim.WORTHWHILE) {
      HeapTrim.enable();
    }
    try {
      return ModelFiles.load(file);
    } catch (NoSuchFileException e) {
      throw new Errors.UserException(file + ": no such model file");
    } catch (IOException e) {
      String m = e.getMessage();
      throw new Errors.UserException(m != null && m.contains(file.toString()) ? m : file + ": " + m);
    } catch (IllegalArgumentException e) {
      throw new Errors.UserException(e.getMessage());
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return Long.MAX_VALUE; // the load says what is wrong
    }
  }

  /** Opens a data file, or standard input for {@code -}. */
  static java.io.InputStream open(String file) {
    if ("-".equals(file)) {
      return new java.io.BufferedInputStream(System.in, 1 << 16);
    }
    try {
      return dev.losslab.text.TrainingData.open(Path.of(file));
    } catch (IllegalArgumentException e) {
      throw new Errors.UserException(e.getMessage());
    }
  }

  /** Opens test data in any input layout; fastText lines and {@code -} are streamed. */
  static java.io.InputStream open(String file, InputFormatOptions format, String labelPrefix) {
    if ("-".equals(file) || format.parsed() == dev.losslab.text.io.InputFormat.FASTTEXT) {
      return open(file);
    }
    try {
      return format.source(Path.of(file), labelPrefix).open();
    } catch (java.io.IOException e) {
      throw new Errors.UserException(file + ": " + e.getMessage());
    }
  }

  /** Checks fastText's k: -1 for all labels, or positive. */
  static int k(int k) {
    if (k == 0 || k < -1) {
      throw new IllegalArgumentException("k (" + k + ") must be -1 (all labels) or > 0");
    }
    return k;
  }

  static float threshold(double t) {
    if (!(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("threshold (" + t + ") must be in [0, 1]");
    }
    return (float) t;
  }
}
