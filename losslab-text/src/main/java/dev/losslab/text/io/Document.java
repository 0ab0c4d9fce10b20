package dev.losslab.text.io;

import java.util.List;
import java.util.Objects;

/**
 * One input document: its labels (as in the data, without the label prefix) and its text, with every
 * fastText whitespace character (space, {@code \n \r \t \v \f \0}) turned into a single space, so that
 * the text is one line that fastText tokenizes into the same words.
 *
 * @param labels the labels, in the order of the input (may be empty, e.g. in test input)
 * @param text the text, one line, words separated by single spaces
 * @param location where the document came from ({@code file:line} or the document's file), for messages
 */
public record Document(List<String> labels, String text, String location) {
  /** Copies {@code labels}. */
  public Document {
    labels = List.copyOf(labels);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(location, "location");
  }

  /**
   * {@code text} with fastText's whitespace characters collapsed to single spaces and the ends
   * trimmed.
   */
  public static String normalizeSpace(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isFastTextSpace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The characters fastText splits on: space, {@code \n \r \t \v \f \0} (dictionary.cc readWord). */
  static boolean isFastTextSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == '\f' || c == 0;
  }
}
