package dev.losslab.text.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file read byte by byte through a 64 KiB buffer, with one byte of look-ahead, a strict decoder for
 * the input's charset, and the UTF-8 byte-order mark skipped. The delimiters of every format here are
 * ASCII, so parsing happens on bytes and only the fields are decoded.
 */
final class ByteInput implements Closeable {
  static final int EOF = -1;

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int len;
  private final CharsetDecoder decoder;

  ByteInput(Path file, Charset charset) throws IOException {
    this.in = Files.newInputStream(file);
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    if (charset.equals(StandardCharsets.UTF_8) && peek() == 0xEF) {
      fill();
      if (len - pos >= 3 && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
        pos += 3;
      }
    }
  }

  /** The next byte (0–255), or {@link #EOF}. */
  int read() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos++] & 0xFF;
  }

  /** The next byte without consuming it, or {@link #EOF}. */
  int peek() throws IOException {
    if (pos == len && !fill()) {
      return EOF;
    }
    return buf[pos] & 0xFF;
  }

  /** Tops the buffer up (keeping unread bytes); false at end of input with nothing unread. */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, len - pos);
      len -= pos;
      pos = 0;
    }
    while (len < 3) { // at least 3 unread bytes when available (the byte-order mark check)
      int r = in.read(buf, len, buf.length - len);
      if (r < 0) {
        break;
      }
      len += r;
    }
    return len > pos;
  }

  /** Decodes {@code bytes[off, off+n)} strictly; throws on a sequence invalid in the charset. */
  String decode(byte[] bytes, int off, int n) throws CharacterCodingException {
    CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, off, n));
    return chars.toString();
  }

  /** The charset's name, for messages. */
  String charsetName() {
    return decoder.charset().name();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
