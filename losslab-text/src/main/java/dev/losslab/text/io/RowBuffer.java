package dev.losslab.text.io;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * The row the CSV parser is building or has just built: its fields' bytes back to back (the parser's
 * chars narrowed back to the bytes {@link ByteChars} made them from), where each field ends, and the
 * line the row starts on. An empty line is a row of one empty field. Reused from row to row.
 */
final class RowBuffer extends CsvCallbackHandler<RowBuffer> {
  private byte[] bytes = new byte[1024];
  private int length;
  /** Field i is {@code bytes[i == 0 ? 0 : ends[i - 1], ends[i])}. */
  private int[] ends = new int[16];
  private int fields;
  private long line;

  @Override
  protected void beginRecord(long startingLineNumber) {
    line = startingLineNumber;
    length = 0;
    fields = 0;
  }

  @Override
  protected void addField(char[] buf, int offset, int len, boolean quoted) {
    if (bytes.length - length < len) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + len));
    }
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < len; i++) {
      b[at + i] = (byte) buf[offset + i];
    }
    length = at + len;
    endField();
  }

  @Override
  protected void setEmpty() {
    endField();
  }

  @Override
  protected void setComment(char[] buf, int offset, int len) {
    throw new IllegalStateException("comments are not enabled");
  }

  @Override
  protected RecordType getRecordType() {
    return RecordType.DATA;
  }

  @Override
  protected int getFieldCount() {
    return fields;
  }

  @Override
  protected RowBuffer buildRecord() {
    return this;
  }

  private void endField() {
    if (fields == ends.length) {
      ends = Arrays.copyOf(ends, ends.length * 2);
    }
    ends[fields++] = length;
  }

  /** The line the row starts on (from 1). */
  long line() {
    return line;
  }

  /** The number of fields read so far. */
  int fields() {
    return fields;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Where field {@code i} (from 0) starts in {@link #bytes()}. */
  int start(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  /** The number of bytes of field {@code i}. */
  int length(int i) {
    return ends[i] - start(i);
  }

  /** The LF bytes in the fields read so far (line breaks inside quotes). */
  int newlines() {
    int n = 0;
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        n++;
      }
    }
    return n;
  }
}
