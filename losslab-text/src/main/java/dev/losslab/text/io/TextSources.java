package dev.losslab.text.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a text-classification input in any {@link InputFormat} as a stream of {@link Document}s, or
 * converts it to fastText lines. Example:
 *
 * <pre>{@code
 * InputOptions csv = InputOptions.of(InputFormat.CSV).withColumns(1, List.of(2, 3)).withHeader(true);
 * try (DocumentReader r = TextSources.open(Path.of("train.csv"), csv)) {
 *   for (Document d = r.next(); d != null; d = r.next()) { ... }
 * }
 * }</pre>
 */
public final class TextSources {
  private TextSources() {}

  /**
   * A reader of the documents in {@code input} (a file, or a folder for {@link InputFormat#FOLDER}).
   *
   * @throws NoSuchFileException if {@code input} does not exist
   * @throws InputFormatException if a folder input is not a folder or has no class sub-folders
   */
  public static DocumentReader open(Path input, InputOptions options) throws IOException {
    if (!Files.exists(input)) {
      throw new NoSuchFileException(input.toString(), null, "no such file or folder");
    }
    switch (options.format()) {
      case FOLDER:
        return new FolderReader(input, options);
      case CSV:
      case TSV:
        requireFile(input, options);
        return new DelimitedReader(input, options);
      default:
        requireFile(input, options);
        return new FastTextLineReader(input, options);
    }
  }

  /**
   * Writes every document of {@code input} to {@code out} as one fastText line
   * ({@link #fastTextLine}), each ending in {@code \n}.
   *
   * @return the number of documents written
   * @throws InputFormatException for malformed input (what was written before it stays in {@code out};
   *     write to a temporary file and rename it when the whole input was converted)
   */
  public static long writeFastText(Path input, InputOptions options, Writer out) throws IOException {
    long n = 0;
    try (DocumentReader r = open(input, options)) {
      for (Document d = r.next(); d != null; d = r.next()) {
        out.write(fastTextLine(d, options.labelPrefix()));
        out.write('\n');
        n++;
      }
    }
    return n;
  }

  /**
   * The fastText line of {@code doc}: each label with {@code prefix} ({@code __label__pos}), then the
   * text, separated by single spaces, without the line break.
   */
  public static String fastTextLine(Document doc, String prefix) {
    StringBuilder line = new StringBuilder(doc.text().length() + 16 * doc.labels().size());
    for (String label : doc.labels()) {
      line.append(prefix).append(label).append(' ');
    }
    line.append(doc.text());
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    line.setLength(end);
    return line.toString();
  }

  private static void requireFile(Path input, InputOptions options) throws IOException {
    if (Files.isDirectory(input)) {
      throw new InputFormatException(input, 0, "is a folder; use -format folder for a folder with "
          + "one sub-folder per class (format was " + options.format().cliName() + ")");
    }
  }
}
