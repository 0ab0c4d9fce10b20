package dev.losslab.text.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or sidecar file that cannot be what it claims to be: truncated, corrupted, hostile, or in a
 * variant this reader does not support (another version, a quantized {@code .ftz}). The message is one
 * line naming the file, where in it the problem is, and what is wrong, e.g.
 * {@code "model.bin: truncated at byte 1032 while reading input matrix data: needs 40000 bytes, 812 remain"}.
 */
public final class MalformedModelException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** A problem in {@code file}, described by {@code what} (the file name is prepended). */
  public MalformedModelException(Path file, String what) {
    super(file + ": " + what);
    this.file = file;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }
}
