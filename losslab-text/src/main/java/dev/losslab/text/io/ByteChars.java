package dev.losslab.text.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A byte stream handed to the CSV parser one byte per char: byte {@code b} becomes char {@code b}
 * (0–255), so the parser splits bytes, as every delimiter here is ASCII, and the fields are decoded
 * afterwards in the input's charset ({@link DelimitedRows}). A UTF-8 byte-order mark at the start is
 * skipped.
 *
 * <p>Two adaptations make the parser see the file the way this project reads it:
 *
 * <ul>
 *   <li>With {@code loneCrIsText}, a CR that is not followed by LF becomes {@link #LONE_CR}, a char
 *       the parser takes for text and that narrows back to the byte {@code 0x0D}; only LF and CRLF then
 *       end a row, and lines are counted by LF.
 *   <li>With {@code cutAfterQuotes}, no chunk handed out goes past a {@code "}. The parser reads a new
 *       chunk only once it has used up the last one, so when it stops at a character after a closing
 *       quote, that character is the first of the latest chunk: {@link #chunkLine()} and
 *       {@link #chunkFirstByte()} locate it exactly.
 * </ul>
 */
final class ByteChars extends Reader {
  /** What a lone CR is handed on as: not a line break to the parser, {@code 0x0D} once narrowed. */
  static final char LONE_CR = (char) (0x100 | '\r');

  private final InputStream in;
  private final boolean loneCrIsText;
  private final boolean cutAfterQuotes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int len;
  private boolean ended;
  /** LF bytes handed out so far, and before the latest chunk. */
  private long newlines;
  private long newlinesBeforeChunk;
  private int chunkFirst = -1;
  private boolean chunkFollowsQuote;
  private boolean lastWasQuote;

  ByteChars(InputStream in, Charset charset, boolean loneCrIsText, boolean cutAfterQuotes)
      throws IOException {
    this.in = in;
    this.loneCrIsText = loneCrIsText;
    this.cutAfterQuotes = cutAfterQuotes;
    if (charset.equals(StandardCharsets.UTF_8)) {
      fill(3);
      if (len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        pos = 3;
      }
    }
  }

  @Override
  public int read(char[] cbuf, int off, int max) throws IOException {
    if (max == 0) {
      return 0;
    }
    if (len - pos < 2) {
      fill(2); // a CR needs the byte after it
    }
    newlinesBeforeChunk = newlines;
    chunkFollowsQuote = lastWasQuote;
    if (pos == len) {
      chunkFirst = -1;
      return -1;
    }
    chunkFirst = buf[pos] & 0xFF;
    int end = Math.min(len, pos + max);
    int i = pos;
    while (i < end) {
      int b = buf[i] & 0xFF;
      char c = (char) b;
      if (b <= '\r') {
        if (b == '\n') {
          newlines++;
        } else if (b == '\r' && loneCrIsText) {
          if (i + 1 == len && !ended) {
            break; // the next byte decides; i > pos, as fill(2) left two bytes
          }
          if (i + 1 == len || buf[i + 1] != '\n') {
            c = LONE_CR;
          }
        }
      }
      cbuf[off + i - pos] = c;
      i++;
      if (b == '"' && cutAfterQuotes) {
        break;
      }
    }
    int n = i - pos;
    lastWasQuote = buf[i - 1] == '"';
    pos = i;
    return n;
  }

  /** The line (from 1, counting LF) on which the latest chunk starts; past the end, the last line. */
  long chunkLine() {
    return newlinesBeforeChunk + 1;
  }

  /** The first byte of the latest chunk, or -1 once the end of the input was handed out. */
  int chunkFirstByte() {
    return chunkFirst;
  }

  /** Whether the byte before the latest chunk is a {@code "}. */
  boolean chunkFollowsQuote() {
    return chunkFollowsQuote;
  }

  /** Keeps the unread bytes and reads until at least {@code min} are there or the input ends. */
  private void fill(int min) throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, len - pos);
      len -= pos;
      pos = 0;
    }
    while (len < min && !ended) {
      int r = in.read(buf, len, buf.length - len);
      if (r < 0) {
        ended = true;
      } else {
        len += r;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
