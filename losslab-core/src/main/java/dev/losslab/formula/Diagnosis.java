package dev.losslab.formula;

import java.util.Locale;

/**
 * Finds, after an example's value or gradient came out non-finite, the first sub-expression to blame:
 * it replays the forward pass one primitive at a time and stops at the first value that is NaN or
 * infinite; if every value is finite, it replays the backward pass and stops at the first derivative
 * that is. Only a failing example pays for this.
 */
final class Diagnosis {
  private Diagnosis() {}

  static FormulaDomainException explain(Program p, Workspace w, double value) {
    String expression = p.expression();
    Expr s = p.scores();
    if (s != null) {
      for (int j = 0; j < w.k; j++) {
        double x = w.val[s.id][w.vo[s.id] + j];
        if (!Double.isFinite(x)) {
          return new FormulaDomainException(head(expression, w) + "the score s[" + j + "] is " + x
              + ", must be finite", w.row, "s", 0, j, false, x, new double[0]);
        }
      }
    }
    for (Op op : p.forward()) {
      op.forward(w);
      int n = op.width(w);
      for (int j = 0; j < n; j++) {
        double v = w.val[op.out][w.vo[op.out] + j];
        if (!Double.isFinite(v)) {
          return blame(p, w, op, op.vector ? j : -1, j, v, false);
        }
      }
    }
    if (!Double.isFinite(value)) {
      return new FormulaDomainException(head(expression, w) + "the sum of the " + w.k
          + " element values is " + value + " (each element is finite)", w.row, expression, 0, -1,
          false, value, new double[0]);
    }
    if (p.root().varies && (s == null || w.grad[s.id] != null)) {
      w.clearGradients();
      for (Op op : p.backward()) {
        op.backward(w);
        int[] inputs = {op.gradA ? op.a : -1, op.gradB ? op.b : -1};
        for (int in : inputs) {
          if (in < 0) {
            continue;
          }
          boolean vector = (in == op.a ? op.strideA : op.strideB) == 1;
          int n = vector ? w.k : 1;
          for (int j = 0; j < n; j++) {
            double d = w.grad[in][w.go[in] + j];
            if (!Double.isFinite(d)) {
              return blame(p, w, op, vector ? j : -1, op.vector ? j : 0, d, true);
            }
          }
        }
      }
    }
    return new FormulaDomainException(head(expression, w) + "the value " + value
        + " or its gradient is not finite", w.row, expression, 0, -1, false, value, new double[0]);
  }

  private static String head(String expression, Workspace w) {
    return FormulaLoss.PREFIX + expression + ": example " + w.row + ": ";
  }

  /** The exception naming {@code op}'s sub-expression, at {@code element} (-1 for a scalar). */
  private static FormulaDomainException blame(Program p, Workspace w, Op op, int element, int at,
      double value, boolean derivative) {
    String expression = p.expression();
    String text = op.node.text(expression);
    StringBuilder m = new StringBuilder(head(expression, w));
    m.append(derivative ? "the derivative of " : "").append(text).append(" at column ")
        .append(op.node.start + 1).append(" is ").append(value);
    if (element >= 0) {
      m.append(" at element ").append(element);
    }
    double[] args = op.node.kind.elementwise() ? op.arguments(w, at) : new double[0];
    if (args.length == 1) {
      m.append(", from the argument ").append(args[0]);
    } else if (args.length == 2) {
      m.append(", from the arguments ").append(args[0]).append(" and ").append(args[1]);
    } else if (op.a >= 0 && op.strideA == 1 && !op.vector) {
      m.append(String.format(Locale.ROOT, ", from a vector whose largest magnitude is %s",
          largest(w, op.a)));
    }
    return new FormulaDomainException(m.toString(), w.row, text, op.node.start + 1, element,
        derivative, value, args);
  }

  private static double largest(Workspace w, int id) {
    double max = 0;
    for (int j = 0; j < w.k; j++) {
      double v = Math.abs(w.val[id][w.vo[id] + j]);
      max = v > max || v != v ? v : max;
    }
    return max;
  }
}
