package dev.losslab.text;

import java.util.List;
import java.util.Objects;

/**
 * One training document for {@link TextModel#train(Iterable, TrainOptions)}: its labels and its text.
 * The text is one document whatever its line breaks: every fastText whitespace character (space,
 * {@code \n \r \t \v \f \0}) separates words. A label is given with or without the label prefix
 * ({@code baking} and {@code __label__baking} are the same label); whitespace inside it becomes
 * {@code _}, since a fastText label is one token.
 *
 * @param labels the document's labels (none: the document is read, and skipped, as fastText skips a
 *     line without labels)
 * @param text the document's text
 */
public record LabelledText(List<String> labels, String text) {
  /** Copies the labels; none may be null or blank. */
  public LabelledText {
    labels = List.copyOf(labels);
    Objects.requireNonNull(text, "text");
    for (String l : labels) {
      if (l.isBlank()) {
        throw new IllegalArgumentException("a label must not be blank (labels " + labels + ")");
      }
    }
  }

  /** A document with one or more labels: {@code LabelledText.of("knead the dough", "baking")}. */
  public static LabelledText of(String text, String... labels) {
    return new LabelledText(List.of(labels), text);
  }
}
