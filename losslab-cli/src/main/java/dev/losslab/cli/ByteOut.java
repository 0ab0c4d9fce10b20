package dev.losslab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the commands write it: text in UTF-8 whatever the locale (under {@code LANG=C}
 * Java's default would print a word like "café" as "caf?"), and, for what fastText prints as raw
 * bytes (a word that is not valid UTF-8), {@link #writeBytes}.
 */
public final class ByteOut extends PrintWriter {
  private final OutputStream bytes;

  /** Text and bytes to {@code out}. */
  public ByteOut(OutputStream out) {
    // flushed at each line, as picocli's own standard output
    super(new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true);
    this.bytes = out;
  }

  /** Writes {@code b[off .. off+len)} as they are, after the text written so far. */
  public void writeBytes(byte[] b, int off, int len) {
    flush();
    try {
      bytes.write(b, off, len);
    } catch (IOException e) {
      throw new UncheckedIOException("standard output: " + e.getMessage(), e);
    }
  }
}
