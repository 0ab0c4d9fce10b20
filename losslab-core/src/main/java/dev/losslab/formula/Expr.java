package dev.losslab.formula;

import java.util.List;

/**
 * A node of the compiled graph: a kind, its inputs, a number parameter (the value of a
 * {@link Kind#NUMBER}, the exponent of {@link Kind#POW_CONST}) and an integer one (the exponent of
 * {@link Kind#POW_INT}, the index of the indexed kinds, -1 meaning {@code label}). Nodes are shared:
 * the {@link Builder} makes one node per distinct (kind, inputs, parameters), so a sub-expression
 * written twice is computed once. {@code start} and {@code end} are the characters it came from.
 */
final class Expr {
  /** The index parameter that stands for the example's label. */
  static final int LABEL_INDEX = -1;

  final int id;
  final Kind kind;
  final List<Expr> inputs;
  final double number;
  final int parameter;
  /** A vector of K values (else a scalar). */
  final boolean vector;
  /** Depends on the scores {@code s} (so it has a gradient). */
  final boolean varies;
  final int start;
  final int end;

  Expr(int id, Kind kind, List<Expr> inputs, double number, int parameter, boolean vector, int start,
      int end) {
    this.id = id;
    this.kind = kind;
    this.inputs = inputs;
    this.number = number;
    this.parameter = parameter;
    this.vector = vector;
    boolean v = kind == Kind.SCORES;
    for (Expr in : inputs) {
      v |= in.varies;
    }
    this.varies = v;
    this.start = start;
    this.end = end;
  }

  Expr input(int i) {
    return inputs.get(i);
  }

  boolean isNumber() {
    return kind == Kind.NUMBER;
  }

  boolean isNumber(double value) {
    return kind == Kind.NUMBER && number == value;
  }

  /** The source text of this node within {@code expression}. */
  String text(String expression) {
    return expression.substring(start, end);
  }

  @Override
  public String toString() {
    return "%" + id + " " + kind.label;
  }
}
