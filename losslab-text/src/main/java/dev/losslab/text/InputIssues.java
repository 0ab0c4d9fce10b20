package dev.losslab.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The doubtful lines of a training file, tallied while its text is counted ({@link OnePassEncoder#count},
 * the one first pass of every reading path): a line with labels but no words, a line with words but no
 * label, and — from the {@link TokenReader} — the lines with invalid UTF-8. Each kind becomes one
 * {@link InputIssue}. A line is judged on its raw tokens, as {@link LineEncoder} counts them: a label by
 * its prefix, known or not, a word unless it is the end of line.
 *
 * <p>Strict ({@code -strict}): the first line of labels alone or words alone is remembered and thrown by
 * {@link #throwIfStrict()}, which the readers call after the dictionary's own checks, so that a file
 * with no label at all says so rather than naming its first line. (Invalid UTF-8 is refused by a strict
 * {@link TokenReader} at once.) Mutable; one per read.
 */
final class InputIssues {
  private final String name;
  private final String prefix;
  private final boolean strict;
  private long invalidUtf8;
  private long firstInvalidUtf8;
  private long labelsOnly;
  private long firstLabelsOnly;
  private long wordsOnly;
  private long firstWordsOnly;

  InputIssues(String name, Args args, boolean strict) {
    this.name = name;
    this.prefix = args.label();
    this.strict = strict;
  }

  /** Judges one line from its first token's line number and its label and word tokens. */
  void line(long line, int labelTokens, int wordTokens) {
    if (labelTokens > 0 && wordTokens == 0) {
      if (labelsOnly++ == 0) {
        firstLabelsOnly = line;
      }
    } else if (labelTokens == 0 && wordTokens > 0) {
      if (wordsOnly++ == 0) {
        firstWordsOnly = line;
      }
    }
  }

  /** Takes the invalid UTF-8 lines a reader counted once it has read the whole text. */
  void invalidUtf8(TokenReader r) {
    invalidUtf8 = r.invalidUtf8Lines();
    firstInvalidUtf8 = r.firstInvalidUtf8Line();
  }

  /**
   * Adds the issues of {@code later}, tallied on the text that follows this one's, whose line 1 is
   * line {@code lineOffset + 1} here.
   */
  void merge(InputIssues later, long lineOffset) {
    if (invalidUtf8 == 0 && later.invalidUtf8 > 0) {
      firstInvalidUtf8 = later.firstInvalidUtf8 + lineOffset;
    }
    invalidUtf8 += later.invalidUtf8;
    if (labelsOnly == 0 && later.labelsOnly > 0) {
      firstLabelsOnly = later.firstLabelsOnly + lineOffset;
    }
    labelsOnly += later.labelsOnly;
    if (wordsOnly == 0 && later.wordsOnly > 0) {
      firstWordsOnly = later.firstWordsOnly + lineOffset;
    }
    wordsOnly += later.wordsOnly;
  }

  /** With {@code -strict}, throws the problem of the first line of labels alone or words alone. */
  void throwIfStrict() {
    if (!strict || (labelsOnly == 0 && wordsOnly == 0)) {
      return;
    }
    boolean labels = labelsOnly > 0 && (wordsOnly == 0 || firstLabelsOnly < firstWordsOnly);
    if (labels) {
      throw new IllegalArgumentException(name + ":" + firstLabelsOnly
          + ": the line has labels but no words");
    }
    throw new IllegalArgumentException(name + ":" + firstWordsOnly
        + ": the line has words but no label (labels start with '" + prefix + "')");
  }

  /** One issue per kind seen, in the order invalid UTF-8, labels alone, words alone. */
  List<InputIssue> list() {
    List<InputIssue> out = new ArrayList<>(3);
    if (invalidUtf8 > 0) {
      out.add(new InputIssue(InputIssue.Kind.INVALID_UTF8, invalidUtf8, name, firstInvalidUtf8));
    }
    if (labelsOnly > 0) {
      out.add(new InputIssue(InputIssue.Kind.LABELS_WITHOUT_WORDS, labelsOnly, name,
          firstLabelsOnly));
    }
    if (wordsOnly > 0) {
      out.add(new InputIssue(InputIssue.Kind.WORDS_WITHOUT_LABEL, wordsOnly, name, firstWordsOnly));
    }
    return out;
  }
}
