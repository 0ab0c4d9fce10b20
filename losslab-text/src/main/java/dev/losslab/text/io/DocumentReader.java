package dev.losslab.text.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * A stream of documents from one input, read lazily (one document in memory at a time, apart from the
 * reader's buffer). Not thread-safe. Close it when done.
 */
public interface DocumentReader extends Closeable {
  /**
   * The next document, or {@code null} at the end of the input.
   *
   * @throws InputFormatException for malformed input, naming the file and line
   * @throws IOException if the input cannot be read
   */
  Document next() throws IOException;
}
