package dev.losslab.text.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder with one sub-folder per class: every regular file in a sub-folder is one document whose
 * label is the sub-folder's name. Sub-folders and files are visited in name order, so the order is the
 * same on every machine. Names starting with {@code .} are skipped, and so are files directly in the
 * root and folders nested inside a class folder.
 */
final class FolderReader implements DocumentReader {
  private final Path root;
  private final InputOptions options;
  private final Iterator<Path> classes;
  private Iterator<Path> files = List.<Path>of().iterator();
  private String label;

  FolderReader(Path root, InputOptions options) throws IOException {
    this.root = root;
    this.options = options;
    if (!Files.isDirectory(root)) {
      throw new InputFormatException(root, 0, "is not a folder (-format folder wants a folder with "
          + "one sub-folder per class)");
    }
    List<Path> dirs = sorted(root, true);
    if (dirs.isEmpty()) {
      throw new InputFormatException(root, 0, "has no class sub-folders (-format folder wants one "
          + "sub-folder per class, e.g. pos/ and neg/)");
    }
    this.classes = dirs.iterator();
  }

  @Override
  public Document next() throws IOException {
    while (!files.hasNext()) {
      if (!classes.hasNext()) {
        return null;
      }
      Path dir = classes.next();
      List<String> labels = Labels.parse(dir.getFileName().toString(), "", options.labelPrefix());
      label = labels.isEmpty() ? null : labels.get(0);
      if (label == null) {
        throw new InputFormatException(dir, 0, "folder name gives an empty label");
      }
      files = sorted(dir, false).iterator();
    }
    Path file = files.next();
    byte[] content = Files.readAllBytes(file);
    String text;
    try {
      text = options.charset().newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new InputFormatException(file, 0, "invalid " + options.charset().name()
          + " (for a Latin-1 corpus choose the ISO-8859-1 encoding)");
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return new Document(List.of(label), Document.normalizeSpace(text), file.toString());
  }

  /** The visible sub-folders ({@code folders}) or regular files of {@code dir}, by name. */
  private static List<Path> sorted(Path dir, boolean folders) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> folders ? Files.isDirectory(p) : Files.isRegularFile(p))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  @Override
  public void close() {
    // Files are read whole and closed one by one; nothing stays open.
  }

  @Override
  public String toString() {
    return "FolderReader[" + root + "]";
  }
}
