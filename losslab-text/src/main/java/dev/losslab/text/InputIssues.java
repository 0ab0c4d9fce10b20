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
  private final Tally invalidUtf8 = new Tally();
  private final Tally labelsOnly = new Tally();
  private final Tally wordsOnly = new Tally();

  /** The lines of one kind: how many, and the first one's number (1-based; 0 while none). */
  private static final class Tally {
    long count;
    long first;

    void see(long line) {
      if (count++ == 0) {
        first = line;
      }
    }

    /** Adds {@code later}'s lines, whose line 1 is line {@code lineOffset + 1} here. */
    void merge(Tally later, long lineOffset) {
      if (count == 0 && later.count > 0) {
        first = later.first + lineOffset;
      }
      count += later.count;
    }
  }

  InputIssues(String name, Args args, boolean strict) {
    this.name = name;
    this.prefix = args.label();
    this.strict = strict;
  }

  /** Judges one line from its first token's line number and its label and word tokens. */
  void line(long line, int labelTokens, int wordTokens) {
    if (labelTokens > 0 && wordTokens == 0) {
      labelsOnly.see(line);
    } else if (labelTokens == 0 && wordTokens > 0) {
      wordsOnly.see(line);
    }
  }

  /** Takes the invalid UTF-8 lines a reader counted once it has read the whole text. */
  void invalidUtf8(TokenReader r) {
    invalidUtf8.count = r.invalidUtf8Lines();
    invalidUtf8.first = r.firstInvalidUtf8Line();
  }

  /**
   * Adds the issues of {@code later}, tallied on the text that follows this one's, whose line 1 is
   * line {@code lineOffset + 1} here.
   */
  void merge(InputIssues later, long lineOffset) {
    invalidUtf8.merge(later.invalidUtf8, lineOffset);
    labelsOnly.merge(later.labelsOnly, lineOffset);
    wordsOnly.merge(later.wordsOnly, lineOffset);
  }

  /** With {@code -strict}, throws the problem of the first line of labels alone or words alone. */
  void throwIfStrict() {
    if (!strict || (labelsOnly.count == 0 && wordsOnly.count == 0)) {
      return;
    }
    boolean labels = labelsOnly.count > 0
        && (wordsOnly.count == 0 || labelsOnly.first < wordsOnly.first);
    if (labels) {
      throw new IllegalArgumentException(name + ":" + labelsOnly.first
          + ": the line has labels but no words");
    }
    throw new IllegalArgumentException(name + ":" + wordsOnly.first
        + ": the line has words but no label (labels start with '" + prefix + "')");
  }

  /** One issue per kind seen, in the order invalid UTF-8, labels alone, words alone. */
  List<InputIssue> list() {
    List<InputIssue> out = new ArrayList<>(3);
    add(out, InputIssue.Kind.INVALID_UTF8, invalidUtf8);
    add(out, InputIssue.Kind.LABELS_WITHOUT_WORDS, labelsOnly);
    add(out, InputIssue.Kind.WORDS_WITHOUT_LABEL, wordsOnly);
    return out;
  }

  private void add(List<InputIssue> out, InputIssue.Kind kind, Tally t) {
    if (t.count > 0) {
      out.add(new InputIssue(kind, t.count, name, t.first));
    }
  }
}
