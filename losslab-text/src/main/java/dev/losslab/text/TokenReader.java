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
 * <p>Tokens are bytes, as fastText reads them: a token that is not valid UTF-8 is read (and hashed)
 * as its bytes, like any other, and the reader counts the lines that hold one
 * ({@link #invalidUtf8Lines()}, {@link #firstInvalidUtf8Line()}) so that a caller can warn about
 * them. A strict reader ({@link #strict}) raises {@link IllegalArgumentException} at the first
 * invalid token instead, naming the source, the line and the byte.
 *
 * <p>A reader over an array ({@link #TokenReader(byte[], int, String)}) splits it in place, without
 * copying, and can be {@link #reset} to another array: one reader per thread serves many short texts.
 */
public final class TokenReader implements Closeable {
  /** The end-of-line token. */
  public static final String EOS = "</s>";
  static final byte[] EOS_BYTES = EOS.getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final String source;
  private final boolean strict;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private long consumed;
  private long invalidLines;
  private long firstInvalidLine;
  private long lastInvalidLine;

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
    this(in, source, false);
  }

  private TokenReader(InputStream in, String source, boolean strict) {
    this.in = in;
    this.source = source;
    this.strict = strict;
    this.buf = new byte[1 << 16];
  }

  /**
   * A reader over {@code bytes[0 .. length)}, split in place (the array is not copied or changed).
   *
   * @param source the name used in error messages
   */
  public TokenReader(byte[] bytes, int length, String source) {
    this.in = null;
    this.source = source;
    this.strict = false;
    reset(bytes, length);
  }

  /**
   * A reader that refuses invalid UTF-8: the first token that is not valid UTF-8 raises
   * {@link IllegalArgumentException} naming the source, the line and the byte.
   */
  public static TokenReader strict(InputStream in, String source) {
    return new TokenReader(in, source, true);
  }

  /**
   * Starts over on {@code bytes[0 .. length)} (a reader made over an array only): line 1, no
   * invalid lines counted.
   *
   * @throws IllegalStateException on a reader over a stream
   */
  public void reset(byte[] bytes, int length) {
    if (in != null) {
      throw new IllegalStateException(source + ": a reader over a stream cannot be reset");
    }
    if (length < 0 || length > bytes.length) {
      throw new IllegalArgumentException(
          "length (" + length + ") must be in [0, " + bytes.length + "]");
    }
    buf = bytes;
    pos = 0;
    limit = length;
    eof = true;
    line = 1;
    consumed = 0;
    invalidLines = 0;
    firstInvalidLine = 0;
    lastInvalidLine = 0;
    eos = false;
    tokenLen = 0;
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0x0b || b == '\f' || b == 0;
  }

  /** Advances to the next token; false at the end of the stream. */
  public boolean next() {
    // skip whitespace, stopping at a newline
    while (true) {
      if (pos == limit && (eof || !fill(false))) {
        return false;
      }
      byte b = buf[pos];
      if (b == '\n') {
        pos++;
        consumed++;
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
      consumed++;
    }
    int start = pos;
    int nonAscii = 0;
    while (true) {
      if (pos == limit) {
        if (eof) {
          break;
        }
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
    consumed += tokenLen;
    eos = false;
    tokenLine = line;
    if (nonAscii < 0) {
      int bad = invalidUtf8At();
      if (bad >= 0) {
        if (strict) {
          throw invalidUtf8(bad);
        }
        if (tokenLine != lastInvalidLine) {
          if (invalidLines++ == 0) {
            firstInvalidLine = tokenLine;
          }
          lastInvalidLine = tokenLine;
        }
      }
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

  /** The index of the current token's first byte that starts an invalid UTF-8 sequence, or -1. */
  private int invalidUtf8At() {
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
        return i;
      }
      if (i + more >= end) {
        return i;
      }
      for (int j = 1; j <= more; j++) {
        if ((tokenBuf[i + j] & 0xc0) != 0x80) {
          return i;
        }
      }
      int b1 = tokenBuf[i + 1] & 0xff;
      if ((b == 0xe0 && b1 < 0xa0) || (b == 0xed && b1 > 0x9f) || (b == 0xf0 && b1 < 0x90)
          || (b == 0xf4 && b1 > 0x8f)) {
        return i;
      }
      i += more + 1;
    }
    return -1;
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

  /** Lines read so far that hold at least one token that is not valid UTF-8. */
  public long invalidUtf8Lines() {
    return invalidLines;
  }

  /** The 1-based line of the first token that was not valid UTF-8, or 0 if there was none. */
  public long firstInvalidUtf8Line() {
    return firstInvalidLine;
  }

  /** Bytes consumed so far: those of the tokens returned and of the whitespace before them. */
  public long position() {
    return consumed;
  }

  /** The name of the source, for messages. */
  public String source() {
    return source;
  }

  @Override
  public void close() {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }
}
