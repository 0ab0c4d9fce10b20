package dev.losslab.formula;

/**
 * A formula whose value or gradient became NaN or infinite on one example: {@code log(s[0])} at a
 * negative score, {@code exp(s)} overflowing, {@code sqrt(s[0])} at 0 (an infinite derivative). A
 * formula loss never returns such a value silently: it throws this, naming the example, the first
 * sub-expression (its text and column) that became non-finite, the element of a vector, the
 * non-finite result and the arguments that produced it, e.g.
 *
 * <pre>
 * formula:log(s[0]): example 3: log(s[0]) at column 1 is NaN, from the argument -1.5
 * formula:sqrt(abs(s)): example 0: the derivative of sqrt(abs(s)) at column 1 is Infinity at element 2, from the argument 0.0
 * </pre>
 *
 * It is an {@link ArithmeticException}, not an {@link IllegalArgumentException}: the inputs are valid
 * (finite scores, a suitable target); the formula is not defined, or not representable, there.
 */
public final class FormulaDomainException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int row;
  private final String subexpression;
  private final int column;
  private final int element;
  private final boolean derivative;
  private final double value;
  private final double[] arguments;

  FormulaDomainException(String message, int row, String subexpression, int column, int element,
      boolean derivative, double value, double[] arguments) {
    super(message);
    this.row = row;
    this.subexpression = subexpression;
    this.column = column;
    this.element = element;
    this.derivative = derivative;
    this.value = value;
    this.arguments = arguments.clone();
  }

  /** The example (row of the batch) being evaluated. */
  public int row() {
    return row;
  }

  /** The text of the first sub-expression that became non-finite, as typed. */
  public String subexpression() {
    return subexpression;
  }

  /** Its 1-based column in the expression; 0 when the culprit is the final sum of element values. */
  public int column() {
    return column;
  }

  /** The element of a vector sub-expression that became non-finite; -1 for a scalar. */
  public int element() {
    return element;
  }

  /** Whether it was the derivative (in the backward pass) rather than the value that became non-finite. */
  public boolean derivative() {
    return derivative;
  }

  /** The non-finite value (or derivative) itself. */
  public double value() {
    return value;
  }

  /** The arguments of the sub-expression at that element, in order (a copy). */
  public double[] arguments() {
    return arguments.clone();
  }
}
