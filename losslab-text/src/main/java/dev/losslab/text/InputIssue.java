package dev.losslab.text;

/**
 * Lines of a training file that fastText reads but that are likely mistakes, counted so that they can
 * be reported in one warning per kind, with the first {@code FILE:LINE}:
 *
 * <ul>
 *   <li>{@link Kind#INVALID_UTF8}: a token that is not valid UTF-8 — read and hashed as its bytes, as
 *       fastText reads every token;
 *   <li>{@link Kind#LABELS_WITHOUT_WORDS}: labels and no word — a training example whose one input is
 *       the end-of-line token {@code </s>}, as in fastText;
 *   <li>{@link Kind#WORDS_WITHOUT_LABEL}: words and no label — skipped, as fastText skips them (their
 *       tokens still count in the learning-rate schedule).
 * </ul>
 *
 * <p>With {@code -strict} ({@link TrainingData.Options#strict()}) the first such line is an error
 * instead.
 *
 * @param kind what the lines hold
 * @param lines how many lines
 * @param source the file, as named in messages
 * @param firstLine the 1-based line number of the first one
 */
public record InputIssue(Kind kind, long lines, String source, long firstLine) {
  /** What the lines hold. */
  public enum Kind {
    /** At least one token that is not valid UTF-8. */
    INVALID_UTF8,
    /** At least one label and no word. */
    LABELS_WITHOUT_WORDS,
    /** At least one word and no label. */
    WORDS_WITHOUT_LABEL
  }

  /** Checks the counts. */
  public InputIssue {
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(source, "source");
    if (lines < 1 || firstLine < 1) {
      throw new IllegalArgumentException(
          "lines (" + lines + ") and firstLine (" + firstLine + ") must be >= 1");
    }
  }

  /**
   * The warning, e.g. {@code 3 lines hold invalid UTF-8, the first at train.txt:17; they are read as
   * bytes, as fastText reads them}.
   */
  public String message() {
    boolean one = lines == 1;
    String where = one ? ", at " + source + ":" + firstLine : ", the first at " + source + ":" + firstLine;
    String count = lines + (one ? " line holds " : " lines hold ");
    return switch (kind) {
      case INVALID_UTF8 -> count + "invalid UTF-8" + where
          + (one ? "; it is read as bytes, as fastText reads it" : "; they are read as bytes, as fastText reads them");
      case LABELS_WITHOUT_WORDS -> count + "labels but no words" + where
          + (one ? "; its one input is the end-of-line token </s>, as in fastText"
              : "; their one input is the end-of-line token </s>, as in fastText");
      case WORDS_WITHOUT_LABEL -> count + "words but no label" + where
          + (one ? "; it is skipped, as fastText skips it" : "; they are skipped, as fastText skips them");
    };
  }
}
