package dev.losslab.cli.loss;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Words a malformed {@code --jsonl} line as {@code "JSON: expected WHAT at position P, found C"}: P
 * is the character position in the line (from 0, so the column less one) and C the character there
 * or {@code end of input}, e.g. {@code "JSON: expected ',' or ']' at position 26, found '1'"}. These
 * are the words {@code loss --jsonl} has always answered with, so that outputs stay comparable.
 *
 * <p>Jackson's message says what kind of fault it met (a missing comma, a bad escape, a malformed
 * number...) and usually where; what was expected there follows from the container the reader was
 * in, the character before the fault, and, for a number, a reading of it by JSON's grammar from its
 * first character (Jackson may point anywhere in it). A message this class does not know is kept,
 * shortened to one line, with its position.
 */
final class JsonSyntax {
  private JsonSyntax() {}

  private static final String[] LITERALS = {"-Infinity", "Infinity", "NaN", "true", "false", "null"};

  /** The error for {@code line} at {@code at}, where {@code expected} should have been. */
  static IllegalArgumentException error(String line, int at, String expected) {
    String found = at < line.length() ? "'" + line.charAt(at) + "'" : "end of input";
    return new IllegalArgumentException(
        "JSON: expected " + expected + " at position " + at + ", found " + found);
  }

  /** The first position at or after {@code at} that is not JSON whitespace. */
  static int skipSpace(String line, int at) {
    while (at < line.length() && isSpace(line.charAt(at))) {
      at++;
    }
    return at;
  }

  /** The message for Jackson's {@code e} on {@code line}, read as far as {@code walk} got. */
  static String message(JsonProcessingException e, String line, JsonLines.Walk walk) {
    if (walk.end() >= 0) {
      return error(line, skipSpace(line, (int) walk.end()), "end of input").getMessage();
    }
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    JsonLocation location = e.getLocation();
    long offset = location == null ? -1 : location.getCharOffset();
    int at = offset < 0 || offset > line.length() ? line.length() : (int) offset;
    return wording(m, line, at, walk).getMessage();
  }

  private static IllegalArgumentException wording(String m, String line, int at, JsonLines.Walk walk) {
    boolean eof = m.startsWith("Unexpected end-of-input");
    if (eof) {
      at = line.length();
    }
    if (m.contains("surrogate")) {
      // Jackson rejects a key with a lone surrogate escape (U+D800 to U+DFFF) where it stands
      return new IllegalArgumentException("JSON: a key holds an unpaired surrogate escape (\\ud800-\\udfff)"
          + " at position " + at);
    } else if (m.startsWith("Illegal unquoted character")) {
      return error(line, at, "an escaped control character");
    } else if (m.contains("numeric value") || m.contains("Number value") || m.contains("following sign")
        || m.contains("number exponent") || m.contains("plus sign")
        || m.contains("separating root-level values")) {
      return number(line, at, walk);
    } else if (m.contains("escape")) {
      return escape(line, at, eof ? "an escape character" : m.contains("hex-digit") ? "a hex digit"
          : "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    } else if (eof && (m.contains("closing quote") || m.contains("field name"))) {
      return error(line, at, "'\"' closing the string");
    } else if (m.contains("double-quote to start field name")) {
      return error(line, at, "a string key");
    } else if (m.contains("colon to separate field name")) {
      return error(line, at, "':'");
    } else if (m.contains("comma to separate Object entries")) {
      return error(line, at, "',' or '}'");
    } else if (m.contains("comma to separate Array entries")) {
      return error(line, at, "',' or ']'");
    } else if (m.startsWith("Illegal character")) {
      // a control character between tokens; Jackson points after it
      int c = Math.max(at - 1, 0);
      return error(line, c, structural(line, c, walk));
    } else if (m.startsWith("Unrecognized token") || m.contains("expected a valid value")
        || m.contains("expected a value")) {
      return value(line, at, walk);
    } else if (eof || m.startsWith("Unexpected close marker") || m.contains("comment")) {
      return error(line, at, structural(line, at, walk));
    }
    return new IllegalArgumentException("JSON: " + oneLine(m) + " at position " + at);
  }

  /** A value was expected at {@code at}: name the literal its first character begins, if any. */
  private static IllegalArgumentException value(String line, int at, JsonLines.Walk walk) {
    for (String literal : LITERALS) {
      if (line.startsWith(literal, at)) {
        // a whole literal run on into more letters, e.g. "truex"
        return after(line, at + literal.length(), walk);
      }
    }
    if (at > 0 && line.charAt(at - 1) == '-') {
      return number(line, at, walk); // Jackson points after the sign
    }
    char c = at < line.length() ? line.charAt(at) : 0;
    return switch (c) {
      case 't' -> error(line, at, "'true'");
      case 'f' -> error(line, at, "'false'");
      case 'n' -> error(line, at, "'null'");
      case 'N' -> error(line, at, "'NaN'");
      case 'I' -> error(line, at, "'Infinity'");
      case '-', '+', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(line, at, walk);
      default -> error(line, at, "a value");
    };
  }

  /**
   * A malformed number around {@code at}: finds where it starts and reads it by JSON's grammar to the
   * first character that does not belong (Jackson's position for these may be anywhere in it).
   */
  private static IllegalArgumentException number(String line, int at, JsonLines.Walk walk) {
    int i = Math.min(at, line.length());
    while (i > 0 && !isSpace(line.charAt(i - 1)) && "{}[],:\"".indexOf(line.charAt(i - 1)) < 0) {
      i--;
    }
    int n = line.length();
    if (i < n && line.charAt(i) == '-') {
      i++;
      if (line.startsWith("Infinity", i)) {
        return after(line, i + "Infinity".length(), walk);
      }
    } else if (i >= n || !isDigit(line.charAt(i))) {
      return error(line, i, "a value");
    }
    if (i >= n || !isDigit(line.charAt(i))) {
      return error(line, i, "a digit");
    }
    if (line.charAt(i) == '0') {
      i++;
    } else {
      i = digits(line, i);
    }
    if (i < n && line.charAt(i) == '.') {
      if (++i >= n || !isDigit(line.charAt(i))) {
        return error(line, i, "a digit after '.'");
      }
      i = digits(line, i);
    }
    if (i < n && (line.charAt(i) == 'e' || line.charAt(i) == 'E')) {
      i++;
      if (i < n && (line.charAt(i) == '+' || line.charAt(i) == '-')) {
        i++;
      }
      if (i >= n || !isDigit(line.charAt(i))) {
        return error(line, i, "a digit in the exponent");
      }
      i = digits(line, i);
    }
    return after(line, i, walk);
  }

  /** A complete value ends at {@code at} and something that cannot follow it comes there. */
  private static IllegalArgumentException after(String line, int at, JsonLines.Walk walk) {
    if (walk.duplicateKey() != null) {
      return walk.duplicateKey();
    }
    return error(line, at, separator(walk.container()));
  }

  /** A bad escape ending before {@code at}: a <code>&#92;u</code> without four characters left says so. */
  private static IllegalArgumentException escape(String line, int at, String expected) {
    int backslash = line.lastIndexOf('\\', Math.min(at, line.length()) - 1);
    if (backslash >= 0 && backslash + 1 < line.length() && line.charAt(backslash + 1) == 'u'
        && backslash + 6 > line.length()) {
      return error(line, backslash + 1, "four hex digits");
    }
    return error(line, at, expected);
  }

  /** What may come at {@code at} after what precedes it, inside the walk's innermost container. */
  private static String structural(String line, int at, JsonLines.Walk walk) {
    char container = walk.container();
    int b = before(line, at);
    char before = b < 0 ? 0 : line.charAt(b);
    return switch (before) {
      case 0, '[', ':' -> "a value";
      case '{' -> "a string key";
      case ',' -> container == '{' ? "a string key" : "a value";
      // a string closed in an object after its last complete value is a key
      case '"' -> container == '{' && b >= walk.mark() ? "':'" : separator(container);
      default -> separator(container);
    };
  }

  /** What may follow a complete value inside {@code container}. */
  private static String separator(char container) {
    return container == '{' ? "',' or '}'" : container == '[' ? "',' or ']'" : "end of input";
  }

  /** The position of the last character before {@code at} that is not JSON whitespace, or -1. */
  private static int before(String line, int at) {
    for (int i = Math.min(at, line.length()) - 1; i >= 0; i--) {
      if (!isSpace(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int digits(String line, int i) {
    while (i < line.length() && isDigit(line.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static String oneLine(String m) {
    String first = m.lines().findFirst().orElse("").strip();
    return first.replaceAll(" \\(code \\d+[^)]*\\)", "");
  }
}
