package dev.losslab.text;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Documents as the bytes of a fastText file, one line each, made one document at a time as they are
 * read (an {@code Iterable} of any size is never held in memory): the labels, each with the prefix,
 * then the text's words, separated by spaces, then {@code \n}.
 */
final class LabelledTextStream extends InputStream {
  private final Iterator<LabelledText> documents;
  private final String prefix;
  private byte[] line = new byte[0];
  private int pos;
  private long count;
  private boolean ended;

  LabelledTextStream(Iterable<LabelledText> documents, String prefix) {
    this.documents = documents.iterator();
    this.prefix = prefix;
  }

  /** The fastText line of a document, without its line break. */
  static String line(LabelledText d, String prefix) {
    StringBuilder b = new StringBuilder(d.text().length() + 16 * d.labels().size());
    for (String label : d.labels()) {
      String l = dev.losslab.text.io.Document.normalizeSpace(label).replace(' ', '_');
      b.append(l.startsWith(prefix) ? "" : prefix).append(l).append(' ');
    }
    b.append(dev.losslab.text.io.Document.normalizeSpace(d.text()));
    return b.toString();
  }

  private boolean advance() {
    while (pos == line.length) {
      if (!documents.hasNext()) {
        ended = true;
        return false;
      }
      LabelledText d = documents.next();
      if (d == null) {
        throw new NullPointerException("a document of the iterable is null");
      }
      line = (line(d, prefix) + "\n").getBytes(StandardCharsets.UTF_8);
      count++;
      pos = 0;
    }
    return true;
  }

  /** How many documents this stream has given so far. */
  long documents() {
    return count;
  }

  /** Whether the iterator has been read to its end. */
  boolean ended() {
    return ended;
  }

  @Override
  public int read() {
    return advance() ? line[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len && advance()) {
      int k = Math.min(len - n, line.length - pos);
      System.arraycopy(line, pos, b, off + n, k);
      pos += k;
      n += k;
    }
    return n == 0 ? -1 : n;
  }
}
