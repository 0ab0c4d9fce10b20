package dev.losslab.text.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * fastText's line format as documents: one document per line; tokens starting with the label prefix
 * are labels (prefix removed), the others form the text. Lines with no token are skipped (fastText
 * skips them in training too).
 */
final class FastTextLineReader implements DocumentReader {
  private final Path file;
  private final InputOptions options;
  private final ByteInput in;
  private byte[] bytes = new byte[1024];
  private long line;

  FastTextLineReader(Path file, InputOptions options) throws IOException {
    this.file = file;
    this.options = options;
    this.in = new ByteInput(file, options.charset());
  }

  @Override
  public Document next() throws IOException {
    while (true) {
      if (in.peek() == ByteInput.EOF) {
        return null;
      }
      line++;
      int n = 0;
      for (int c = in.read(); c != '\n' && c != ByteInput.EOF; c = in.read()) {
        if (n == bytes.length) {
          bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[n++] = (byte) c;
      }
      String text;
      try {
        text = in.decode(bytes, 0, n);
      } catch (CharacterCodingException e) {
        throw new InputFormatException(file, line, "invalid " + in.charsetName()
            + " (for a Latin-1 file choose the ISO-8859-1 encoding)");
      }
      String normalized = Document.normalizeSpace(text);
      if (normalized.isEmpty()) {
        continue;
      }
      List<String> labels = new ArrayList<>(1);
      StringBuilder words = new StringBuilder(normalized.length());
      String prefix = options.labelPrefix();
      for (String token : normalized.split(" ")) {
        if (token.startsWith(prefix)) {
          labels.add(token.substring(prefix.length()));
        } else {
          if (words.length() > 0) {
            words.append(' ');
          }
          words.append(token);
        }
      }
      return new Document(labels, words.toString(), file + ":" + line);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
