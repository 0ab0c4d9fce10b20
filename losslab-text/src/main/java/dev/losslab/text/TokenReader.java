package dev.losslab.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into fastText tokens without building strings: tokens are separated by
 * {@code ' ' '\n' '\r' '\t' '\v' '\f' '\0'}, and every {@code '\n'} yields the end-of-line token
 * {@code </s>} (fastText dictionary.cc:208-232). A line without a final newline has no {@code </s>},
 * as in fastText. Windows line endings work because {@code '\r'} is whitespace. Lines may be of any
 * length; the buffer grows to hold the longest token.
 *
 * <p>Tokens are checked to be valid UTF-8; an invalid one raises {@link IllegalArgumentException}
 * naming the source and the line.
 */
public final class TokenReader implements Closeable {
  /** The end-of-line token. */
  public static final String EOS = "</s>";
  static final byte[] EOS_BYTES = EOS.getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final String source;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;

  private byte[] tokenBuf;
  private int tokenOff;
  private int tokenLen;
  private boolean eos;
  private long tokenLine;

  /**
   * @param in the bytes to split (closed by {@link #close()})
   * @param source the name used in error messages, usually the file name
   */
  public TokenReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0x0b || b == '\f' || b == 0;
  }

  /** Advances to the next token; false at the end of the stream. */
  public boolean next() {
    // skip whitespace, stopping at a newline
    while (true) {
      if (pos == limit && !fill(false)) {
        return false;
      }
      byte b = buf[pos];
      if (b == '\n') {
        pos++;
        tokenBuf = EOS_BYTES;
        tokenOff = 0;
        tokenLen = EOS_BYTES.length;
        eos = true;
        tokenLine = line++;
        return true;
      }
      if (!isSpace(b)) {
        break;
      }
      pos++;
    }
    int start = pos;
    int nonAscii = 0;
    while (true) {
      if (pos == limit) {
        int kept = pos - start;
        if (!fill(true, start)) {
          start = 0;
          pos = kept;
          break;
        }
        start = 0;
        pos = kept;
        continue;
      }
      byte b = buf[pos];
      if (isSpace(b)) {
        break;
      }
      nonAscii |= b;
      pos++;
    }
    tokenBuf = buf;
    tokenOff = start;
    tokenLen = pos - start;
    eos = false;
    tokenLine = line;
    if (nonAscii < 0) {
      checkUtf8();
    }
    return true;
  }

  private boolean fill(boolean keep) {
    return fill(keep, pos);
  }

  /** Refills the buffer, keeping {@code buf[from .. limit)} at the front when {@code keep}. */
  private boolean fill(boolean keep, int from) {
    int kept = keep ? limit - from : 0;
    if (keep) {
      if (kept == buf.length) {
        byte[] bigger = new byte[buf.length * 2];
        System.arraycopy(buf, from, bigger, 0, kept);
        buf = bigger;
      } else if (from > 0) {
        System.arraycopy(buf, from, buf, 0, kept);
      }
    }
    pos = kept;
    limit = kept;
    if (eof) {
      return false;
    }
    try {
      int n;
      do {
        n = in.read(buf, limit, buf.length - limit);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  private void checkUtf8() {
    int i = tokenOff;
    int end = tokenOff + tokenLen;
    while (i < end) {
      int b = tokenBuf[i] & 0xff;
      int more;
      if (b < 0x80) {
        i++;
        continue;
      } else if (b >= 0xc2 && b <= 0xdf) {
        more = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        more = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        more = 3;
      } else {
        throw invalidUtf8(i);
      }
      if (i + more >= end) {
        throw invalidUtf8(i);
      }
      for (int j = 1; j <= more; j++) {
        if ((tokenBuf[i + j] & 0xc0) != 0x80) {
          throw invalidUtf8(i);
        }
      }
      int b1 = tokenBuf[i + 1] & 0xff;
      if ((b == 0xe0 && b1 < 0xa0) || (b == 0xed && b1 > 0x9f) || (b == 0xf0 && b1 < 0x90)
          || (b == 0xf4 && b1 > 0x8f)) {
        throw invalidUtf8(i);
      }
      i += more + 1;
    }
  }

  private IllegalArgumentException invalidUtf8(int at) {
    return new IllegalArgumentException(
        source + ":" + tokenLine + ": invalid UTF-8 (byte 0x"
            + Integer.toHexString(tokenBuf[at] & 0xff) + " at position " + (at - tokenOff + 1)
            + " of a token)");
  }

  /** The array holding the current token (valid until the next call to {@link #next()}). */
  public byte[] bytes() {
    return tokenBuf;
  }

  /** Offset of the current token in {@link #bytes()}. */
  public int offset() {
    return tokenOff;
  }

  /** Length in bytes of the current token. */
  public int length() {
    return tokenLen;
  }

  /** Whether the current token is the end-of-line token produced by a newline. */
  public boolean isEos() {
    return eos;
  }

  /** The 1-based line of the current token. */
  public long line() {
    return tokenLine;
  }

  /** The current token as a string. */
  public String token() {
    return new String(tokenBuf, tokenOff, tokenLen, StandardCharsets.UTF_8);
  }

  /** The name of the source, for messages. */
  public String source() {
    return source;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }
}
