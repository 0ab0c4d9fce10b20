package dev.losslab.cli.text;

import dev.losslab.text.format.DecimalText;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Rows of floats as fastText prints them, each value as a C++ stream prints it ({@code %.Pg}), written
 * as bytes from one reused line: {@code dump} separates the values by a space, {@code print-*-vectors}
 * follows each by one.
 */
final class FloatRows {
  private final int precision;
  private final boolean spaceAfterEach;
  private byte[] line = new byte[64];

  FloatRows(int precision, boolean spaceAfterEach) {
    this.precision = precision;
    this.spaceAfterEach = spaceAfterEach;
  }

  /** Writes {@code v[0 .. n)} and a line break. */
  void write(OutputStream out, float[] v, int n) throws IOException {
    int need = n * (DecimalText.MAX_LENGTH + 1) + 1;
    if (line.length < need) {
      line = new byte[need];
    }
    int p = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && !spaceAfterEach) {
        line[p++] = ' ';
      }
      p = DecimalText.appendGeneral(line, p, v[i], precision);
      if (spaceAfterEach) {
        line[p++] = ' ';
      }
    }
    line[p++] = '\n';
    out.write(line, 0, p);
  }
}
