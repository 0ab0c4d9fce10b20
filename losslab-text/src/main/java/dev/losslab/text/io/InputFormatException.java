package dev.losslab.text.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Input that cannot be read as the format it was given in: one line naming the file, the line (or
 * document) and what is wrong, e.g. {@code "data.csv:12: unterminated quoted field (column 2 opened at
 * line 9)"}.
 */
public final class InputFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code file:line} (line ≥ 1), or in the whole file when {@code line} is 0. */
  public InputFormatException(Path file, long line, String what) {
    super(line > 0 ? file + ":" + line + ": " + what : file + ": " + what);
  }
}
