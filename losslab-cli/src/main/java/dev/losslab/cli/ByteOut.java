package dev.losslab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the commands write it: text in UTF-8 whatever the locale (under {@code LANG=C}
 * Java's default would print a word like "café" as "caf?"), and, through {@link #bytes}, the bytes
 * of what fastText prints as it holds it (a word or label that is not valid UTF-8).
 */
public final class ByteOut extends PrintWriter {
  private final OutputStream bytes;

  /** Text and bytes to {@code out}. */
  public ByteOut(OutputStream out) {
    // flushed at each line, as picocli's own standard output
    super(new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true);
    this.bytes = out;
  }

  /**
   * A byte stream to {@code out}: a ByteOut's own stream, after the text written so far (write no
   * text until the stream is flushed), or for another writer (a test's) the bytes decoded as UTF-8,
   * a sequence that is not UTF-8 as U+FFFD.
   */
  public static OutputStream bytes(PrintWriter out) {
    if (out instanceof ByteOut b) {
      b.flush();
      return b.bytes;
    }
    return new Decoding(out);
  }

  /** Bytes decoded as UTF-8 to a writer; a character split between two writes is decoded whole. */
  private static final class Decoding extends OutputStream {
    private final Writer out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer in = ByteBuffer.allocate(1 << 13);
    private final CharBuffer chars = CharBuffer.allocate(1 << 13);

    Decoding(Writer out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, in.remaining());
        in.put(b, off, n);
        off += n;
        len -= n;
        in.flip();
        while (decoder.decode(in, chars, false).isOverflow()) {
          drain();
        }
        drain();
        in.compact(); // an incomplete character waits for its next bytes
      }
    }

    private void drain() throws IOException {
      chars.flip();
      out.write(chars.array(), 0, chars.limit());
      chars.clear();
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
