package dev.losslab.formula;

/**
 * A formula that cannot be compiled, or a target it cannot be evaluated on: a syntax error, an unknown
 * name or function, a wrong number of arguments, a scalar where a vector is needed or the reverse, an
 * index out of range for {@code K}, or {@code label} with a dense target.
 *
 * <p>The message's first line is {@code formula:EXPR: column N: what was expected or found}; below it
 * come the expression and a caret under column {@code N} (columns count from 1 within {@code EXPR}):
 *
 * <pre>
 * formula:(exp(s) - y^2: column 14: expected ')' to close the '(' at column 1, found the end of the formula
 *   (exp(s) - y^2
 *   .............^
 * </pre>
 *
 * An error that has no column (an empty formula) is one line.
 */
public final class FormulaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String expression;
  private final int column;
  private final String detail;

  /**
   * An error at {@code position} (0-based) of {@code expression}, or without a position when it is
   * negative.
   */
  FormulaException(String expression, int position, String detail) {
    super(message(expression, position, detail));
    this.expression = expression;
    this.column = position < 0 ? 0 : position + 1;
    this.detail = detail;
  }

  private static String message(String expression, int position, String detail) {
    // a line break typed into the formula is shown as ↵, so the message keeps its three lines
    String shown = expression.replace('\n', '\u21b5').replace('\r', '\u21b5');
    if (position < 0) {
      return expression.isEmpty() ? detail : FormulaLoss.PREFIX + shown + ": " + detail;
    }
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < position; i++) {
      caret.append(i < expression.length() && expression.charAt(i) == '\t' ? '\t' : '.');
    }
    return FormulaLoss.PREFIX + shown + ": column " + (position + 1) + ": " + detail
        + "\n  " + shown + "\n  " + caret + "^";
  }

  /** The expression as typed (after {@code formula:}, trimmed). */
  public String expression() {
    return expression;
  }

  /** The 1-based column of the error within {@link #expression()}; 0 when it has none. */
  public int column() {
    return column;
  }

  /** What was wrong, without the expression and the caret. */
  public String detail() {
    return detail;
  }
}
