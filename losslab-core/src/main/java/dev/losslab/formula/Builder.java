package dev.losslab.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the nodes of the compiled graph, applying as it goes, bottom-up, the rewrites listed in
 * {@link FormulaLoss} (each one an identity in exact arithmetic that keeps precision a literal
 * evaluation would lose), constant folding, and sharing: one node per distinct kind, inputs and
 * parameters, so a sub-expression written twice ({@code p} in a focal loss) is computed once.
 */
final class Builder {
  private record Key(Kind kind, List<Integer> inputs, long number, int parameter) {}

  private final String expression;
  private final Map<Key, Expr> shared = new HashMap<>();
  private final List<Expr> made = new ArrayList<>();

  Builder(String expression) {
    this.expression = expression;
  }

  /** How many nodes have been made (ids run from 0 to this). */
  int count() {
    return made.size();
  }

  private Expr node(Kind kind, List<Expr> inputs, double number, int parameter, boolean vector,
      int start, int end) {
    List<Integer> ids = new ArrayList<>(inputs.size());
    for (Expr in : inputs) {
      ids.add(in.id);
    }
    Key key = new Key(kind, List.copyOf(ids), Double.doubleToLongBits(number), parameter);
    Expr e = shared.get(key);
    if (e == null) {
      e = new Expr(made.size(), kind, List.copyOf(inputs), number, parameter, vector, start, end);
      made.add(e);
      shared.put(key, e);
    }
    return e;
  }

  /** An element-wise node of {@code inputs}, folded to a number when they all are numbers. */
  private Expr elementwise(Kind kind, List<Expr> inputs, double number, int parameter, int start,
      int end) {
    boolean vector = false;
    boolean constant = true;
    for (Expr in : inputs) {
      vector |= in.vector;
      constant &= in.isNumber();
    }
    Expr e = node(kind, inputs, number, parameter, vector, start, end);
    return constant ? fold(e) : e;
  }

  /** Evaluates a node whose inputs are all numbers with the same primitive that runs it. */
  private Expr fold(Expr e) {
    double value = Program.constant(expression, e, count());
    if (!Double.isFinite(value)) {
      throw new FormulaException(expression, e.start,
          e.text(expression) + " is " + value + ": a constant part of a formula must be finite");
    }
    return number(value, e.start, e.end);
  }

  Expr leaf(Kind kind, int start, int end) {
    return node(kind, List.of(), 0, 0, kind == Kind.SCORES || kind == Kind.TARGET, start, end);
  }

  Expr number(double value, int start, int end) {
    return node(Kind.NUMBER, List.of(), value, 0, false, start, end);
  }

  /** {@code −x}; {@code −(−x)} is {@code x}. */
  Expr neg(Expr x, int start, int end) {
    return x.kind == Kind.NEG ? x.input(0) : elementwise(Kind.NEG, List.of(x), 0, 0, start, end);
  }

  /** An element-wise function of one argument; {@code log} goes through {@link #log}. */
  Expr apply(Kind f, Expr x, int start, int end) {
    if (f == Kind.LOG) {
      return log(x, start, end);
    }
    if (f == Kind.NEG) {
      return neg(x, start, end);
    }
    return elementwise(f, List.of(x), 0, 0, start, end);
  }

  /**
   * {@code log x}, rewritten: {@code log(softmax(v))} → {@code logsoftmax(v)},
   * {@code log(softmax(v)[i])} → {@code logsoftmax(v)[i]}, {@code log(sigmoid(x))} →
   * {@code −softplus(−x)}, {@code log(1 + x)} and {@code log(x + 1)} → {@code log1p(x)}.
   */
  private Expr log(Expr x, int start, int end) {
    switch (x.kind) {
      case SOFTMAX:
        return logSoftmax(x.input(0), start, end);
      case SOFTMAX_AT:
        return logSoftmaxAt(x.input(0), x.parameter, start, end);
      case SIGMOID:
        return neg(apply(Kind.SOFTPLUS, neg(x.input(0), start, end), start, end), start, end);
      case ADD:
        if (x.input(0).isNumber(1)) {
          return apply(Kind.LOG1P, x.input(1), start, end);
        }
        if (x.input(1).isNumber(1)) {
          return apply(Kind.LOG1P, x.input(0), start, end);
        }
        break;
      default:
        break;
    }
    return elementwise(Kind.LOG, List.of(x), 0, 0, start, end);
  }

  /** {@code l op r} for {@code op} one of ADD, SUB, MUL, DIV, POW, MIN, MAX. */
  Expr binary(Kind op, Expr l, Expr r, int start, int end) {
    if (op == Kind.SUB) {
      return subtract(l, r, start, end);
    }
    if (op == Kind.POW) {
      return power(l, r, start, end);
    }
    return elementwise(op, List.of(l, r), 0, 0, start, end);
  }

  /**
   * {@code l − r}, rewritten: {@code logsumexp(v) − v[i]} → {@code −logsoftmax(v)[i]} and
   * {@code v[i] − logsumexp(v)} → {@code logsoftmax(v)[i]}; {@code exp(x) − 1} → {@code expm1(x)},
   * {@code 1 − exp(x)} → {@code −expm1(x)}, and {@code exp(x) − b} → {@code e^x − b} taken as
   * {@code expm1(x)} wherever {@code b} is 1 at run time ({@code b − exp(x)} likewise, negated);
   * {@code 1 − softmax(v)[i]} and {@code 1 − softmax(v)} → the complement, precise where
   * {@code p ≈ 1}.
   */
  private Expr subtract(Expr l, Expr r, int start, int end) {
    if (l.isNumber() && r.isNumber()) {
      return elementwise(Kind.SUB, List.of(l, r), 0, 0, start, end);
    }
    if (l.kind == Kind.LOGSUMEXP && r.kind == Kind.INDEX && r.input(0) == l.input(0)) {
      return neg(logSoftmaxAt(l.input(0), r.parameter, start, end), start, end);
    }
    if (l.kind == Kind.INDEX && r.kind == Kind.LOGSUMEXP && l.input(0) == r.input(0)) {
      return logSoftmaxAt(l.input(0), l.parameter, start, end);
    }
    if (l.kind == Kind.EXP) {
      return expMinus(l.input(0), r, start, end);
    }
    if (r.kind == Kind.EXP) {
      return neg(expMinus(r.input(0), l, start, end), start, end);
    }
    if (l.isNumber(1) && r.kind == Kind.SOFTMAX_AT) {
      Expr v = r.input(0);
      return node(Kind.COMPLEMENT_AT, List.of(v, r.input(1)), 0, r.parameter, false, start, end);
    }
    if (l.isNumber(1) && r.kind == Kind.SOFTMAX) {
      return node(Kind.COMPLEMENT, List.of(r.input(0), r), 0, 0, true, start, end);
    }
    return elementwise(Kind.SUB, List.of(l, r), 0, 0, start, end);
  }

  private Expr expMinus(Expr x, Expr b, int start, int end) {
    if (b.isNumber(1)) {
      return apply(Kind.EXPM1, x, start, end);
    }
    return elementwise(Kind.EXP_MINUS, List.of(x, b), 0, 0, start, end);
  }

  /**
   * {@code l ^ r}: a whole constant exponent in [0, 64] by multiplication ({@code x^2} → {@code x·x});
   * any other constant exponent of a softmax, {@code softmax(v)^c} or {@code softmax(v)[i]^c}, →
   * {@code exp(c·logsoftmax(v)…)} (finite with a finite derivative where {@code p} underflows); other
   * constants by {@link Math#pow}; a varying exponent by the general power.
   */
  private Expr power(Expr l, Expr r, int start, int end) {
    if (r.isNumber()) {
      double c = r.number;
      if (c == Math.rint(c) && c >= 0 && c <= PowerOps.MAX_WHOLE_EXPONENT) {
        return elementwise(Kind.POW_INT, List.of(l), 0, (int) c, start, end);
      }
      if (l.kind == Kind.SOFTMAX) {
        return apply(Kind.EXP, binary(Kind.MUL, r, logSoftmax(l.input(0), start, end), start, end),
            start, end);
      }
      if (l.kind == Kind.SOFTMAX_AT) {
        return apply(Kind.EXP, binary(Kind.MUL, r,
            logSoftmaxAt(l.input(0), l.parameter, start, end), start, end), start, end);
      }
      return elementwise(Kind.POW_CONST, List.of(l), c, 0, start, end);
    }
    return elementwise(Kind.POW, List.of(l, r), 0, 0, start, end);
  }

  /** A reduction of a vector to a scalar: SUM, MEAN, MAX_OF, MIN_OF, NORM. */
  Expr reduce(Kind kind, Expr v, int start, int end) {
    return node(kind, List.of(v), 0, 0, false, start, end);
  }

  Expr dot(Expr a, Expr b, int start, int end) {
    return node(Kind.DOT, List.of(a, b), 0, 0, false, start, end);
  }

  Expr softmax(Expr v, int start, int end) {
    return node(Kind.SOFTMAX, List.of(v), 0, 0, true, start, end);
  }

  Expr logSoftmax(Expr v, int start, int end) {
    return node(Kind.LOG_SOFTMAX, List.of(v, softmax(v, start, end)), 0, 0, true, start, end);
  }

  Expr logSumExp(Expr v, int start, int end) {
    return node(Kind.LOGSUMEXP, List.of(v, softmax(v, start, end)), 0, 0, false, start, end);
  }

  private Expr logSoftmaxAt(Expr v, int index, int start, int end) {
    return node(Kind.LOG_SOFTMAX_AT, List.of(v, softmax(v, start, end)), 0, index, false, start, end);
  }

  /**
   * {@code v[i]} ({@code i ≥ 0}, or {@link Expr#LABEL_INDEX}); {@code softmax(v)[i]},
   * {@code logsoftmax(v)[i]} and {@code (1 − softmax(v))[i]} become single nodes of the softmax family.
   */
  Expr index(Expr v, int index, int start, int end) {
    return switch (v.kind) {
      case SOFTMAX -> node(Kind.SOFTMAX_AT, List.of(v.input(0), v), 0, index, false, start, end);
      case LOG_SOFTMAX -> logSoftmaxAt(v.input(0), index, start, end);
      case COMPLEMENT -> node(Kind.COMPLEMENT_AT, List.of(v.input(0), v.input(1)), 0, index, false,
          start, end);
      default -> node(Kind.INDEX, List.of(v), 0, index, false, start, end);
    };
  }

  /** {@code y = x} as a node of its own, for a formula that is a bare leaf. */
  Expr copy(Expr x) {
    return node(Kind.COPY, List.of(x), 0, 0, x.vector, x.start, x.end);
  }
}
