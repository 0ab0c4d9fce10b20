package dev.losslab.formula;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a formula into tokens, each with its 0-based position: numbers ({@code 2}, {@code 0.7},
 * {@code .5}, {@code 1e-4}), names, the operators {@code + - * / ^} (also {@code −} U+2212 and
 * {@code ·} U+00B7), parentheses, brackets and commas. Spaces and tabs separate tokens; any other
 * character, a line break included (a loss name must fit on one line), is an error.
 */
final class Lexer {

  /** What a token is. */
  enum Type { NUMBER, NAME, OPERATOR, OPEN, CLOSE, OPEN_BRACKET, CLOSE_BRACKET, COMMA, END }

  /**
   * One token.
   *
   * @param type its type
   * @param text the characters (an operator is normalised to one of {@code + - * / ^})
   * @param position 0-based position of its first character
   * @param number the value of a number token
   */
  record Token(Type type, String text, int position, double number) {
    /** How an error message names it. */
    String describe() {
      return switch (type) {
        case END -> "the end of the formula";
        case NUMBER -> "the number " + text;
        case NAME -> "'" + text + "'";
        default -> "'" + text + "'";
      };
    }
  }

  private Lexer() {}

  static List<Token> tokens(String expression) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(expression.charAt(i + 1))) {
        i = number(expression, i, tokens);
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Type.NAME, expression.substring(start, i), start, Double.NaN));
      } else {
        Type type;
        String text = String.valueOf(c);
        switch (c) {
          case '+', '*', '/', '^', '-' -> type = Type.OPERATOR;
          case '\u2212' -> {
            type = Type.OPERATOR;
            text = "-";
          }
          case '\u00b7' -> {
            type = Type.OPERATOR;
            text = "*";
          }
          case '(' -> type = Type.OPEN;
          case ')' -> type = Type.CLOSE;
          case '[' -> type = Type.OPEN_BRACKET;
          case ']' -> type = Type.CLOSE_BRACKET;
          case ',' -> type = Type.COMMA;
          default -> throw new FormulaException(expression, i, "unexpected character " + show(c));
        }
        tokens.add(new Token(type, text, i, Double.NaN));
        i++;
      }
    }
    tokens.add(new Token(Type.END, "", n, Double.NaN));
    return tokens;
  }

  /** Reads {@code digits [. digits] [e [+-] digits]} from {@code start}; returns the next position. */
  private static int number(String expression, int start, List<Token> tokens) {
    int n = expression.length();
    int i = start;
    while (i < n && isDigit(expression.charAt(i))) {
      i++;
    }
    if (i < n && expression.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(expression.charAt(i))) {
        i++;
      }
    }
    if (i < n && (expression.charAt(i) == 'e' || expression.charAt(i) == 'E')) {
      int e = i + 1;
      if (e < n && (expression.charAt(e) == '+' || expression.charAt(e) == '-')) {
        e++;
      }
      if (e >= n || !isDigit(expression.charAt(e))) {
        throw new FormulaException(expression, start,
            "malformed number '" + expression.substring(start, Math.min(e, n)) + "': the exponent needs digits");
      }
      i = e;
      while (i < n && isDigit(expression.charAt(i))) {
        i++;
      }
    }
    String text = expression.substring(start, i);
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new FormulaException(expression, start, "the number " + text + " is too large for a double");
    }
    tokens.add(new Token(Type.NUMBER, text, start, value));
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String show(char c) {
    if (c == '\n' || c == '\r') {
      return "(a line break: a formula is one line)";
    }
    return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
  }
}
