package dev.losslab.formula;

import dev.losslab.loss.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A compiled formula: its nodes in topological order and the flat tape of primitives, run forward in
 * that order and backward in reverse (only the primitives whose value depends on the scores). One
 * program is immutable and shared by all threads; each thread brings its {@link Workspace}.
 */
final class Program {
  private final String expression;
  private final Expr root;
  private final Expr[] nodes;
  private final Op[] forward;
  private final Op[] backward;
  private final boolean[] receives;
  private final int idCount;
  private final Expr scores;
  private final Expr target;
  private final Expr labelNode;
  private final boolean usesLabel;
  private final int labelAt;
  private final int maxIndex;
  private final int maxIndexAt;

  Program(String expression, Expr root, int idCount, int labelAt, int maxIndex, int maxIndexAt) {
    this.expression = expression;
    this.root = root;
    this.idCount = idCount;
    List<Expr> order = new ArrayList<>();
    visit(root, new boolean[idCount], order);
    this.nodes = order.toArray(new Expr[0]);
    // which nodes have a reader that needs their value as stored (every reader but the members
    // of the softmax family, which read a softmax node through its cache)
    boolean[] read = new boolean[idCount];
    read[root.id] = true;
    for (Expr e : nodes) {
      boolean member = switch (e.kind) {
        case LOG_SOFTMAX, LOGSUMEXP, SOFTMAX_AT, LOG_SOFTMAX_AT, COMPLEMENT_AT, COMPLEMENT -> true;
        default -> false;
      };
      for (int i = 0; i < e.inputs.size(); i++) {
        read[e.input(i).id] |= !(member && i == 1);
      }
    }
    List<Op> ops = new ArrayList<>();
    Expr s = null;
    Expr y = null;
    Expr label = null;
    boolean byLabel = false;
    for (Expr e : nodes) {
      switch (e.kind) {
        case SCORES -> s = e;
        case TARGET -> y = e;
        case LABEL -> label = e;
        case CLASSES, NUMBER -> { }
        default -> ops.add(Ops.of(e, read[e.id]));
      }
      byLabel |= e.kind.indexed() && e.parameter == Expr.LABEL_INDEX;
    }
    this.scores = s;
    this.target = y;
    this.labelNode = label;
    this.usesLabel = label != null || byLabel;
    this.labelAt = labelAt;
    this.maxIndex = maxIndex;
    this.maxIndexAt = maxIndexAt;
    this.forward = ops.toArray(new Op[0]);
    // a node receives a gradient if it is the root or an input its consumer propagates to (the
    // softmax node shared by logsoftmax, logsumexp and the elements receives none from them)
    this.receives = new boolean[idCount];
    receives[root.id] = root.varies;
    List<Op> back = new ArrayList<>();
    for (int i = forward.length - 1; i >= 0; i--) {
      Op op = forward[i];
      if (receives[op.out]) {
        back.add(op);
        if (op.gradA) {
          receives[op.a] = true;
        }
        if (op.gradB) {
          receives[op.b] = true;
        }
      }
    }
    this.backward = back.toArray(new Op[0]);
  }

  /** Whether node {@code id} receives a gradient in the backward pass. */
  boolean receives(int id) {
    return receives[id];
  }

  private static void visit(Expr e, boolean[] seen, List<Expr> order) {
    if (seen[e.id]) {
      return;
    }
    seen[e.id] = true;
    for (Expr in : e.inputs) {
      visit(in, seen, order);
    }
    order.add(e);
  }

  /** The value of {@code e}, whose inputs are numbers, computed by its own primitive. */
  static double constant(String expression, Expr e, int idCount) {
    Program p = new Program(expression, e, idCount, -1, -1, -1);
    Workspace w = new Workspace(p);
    w.layout(1);
    for (Op op : p.forward) {
      op.forward(w);
    }
    return w.val[e.id][w.vo[e.id]];
  }

  /**
   * Value of example {@code row} and its gradient into {@code g[go .. go+k)}.
   *
   * @throws FormulaDomainException if the value or the gradient is not finite
   */
  double evaluate(Workspace w, double[] s, int so, int k, Target t, int row, double[] g, int go) {
    double value = run(w, s, so, k, t, row, g, go, -1);
    if (!(Math.abs(value) <= Double.MAX_VALUE) || !finite(g, go, k)) {
      throw Diagnosis.explain(this, w, value);
    }
    return value;
  }

  /**
   * The forward and backward passes without the final check: the caller checks the value and the
   * gradient (the float path does it while narrowing) and calls {@link #failure} if either is not
   * finite. {@code argmax} is the index of the first maximal score if the caller knows it, else -1.
   */
  double run(Workspace w, double[] s, int so, int k, Target t, int row, double[] g, int go,
      int argmax) {
    if (w.k != k) {
      w.layout(k);
    }
    w.bind(s, so, t, row, g, go, argmax);
    for (Op op : forward) {
      op.forward(w);
    }
    double value = value(w);
    if (root.varies) {
      w.clearGradients();
      for (Op op : backward) {
        op.backward(w);
      }
    } else {
      Arrays.fill(g, go, go + k, 0.0);
    }
    return value;
  }

  /** The exception for the example {@code w} was last run on, whose value or gradient is not finite. */
  FormulaDomainException failure(Workspace w, double value) {
    return Diagnosis.explain(this, w, value);
  }

  /** The element values of a vector formula into {@code out[oo .. oo+k)}. */
  void elementValues(Workspace w, double[] s, int so, int k, Target t, int row, double[] out, int oo) {
    if (w.k != k) {
      w.layout(k);
    }
    w.bind(s, so, t, row, null, 0, -1);
    for (Op op : forward) {
      op.forward(w);
    }
    double[] v = w.val[root.id];
    int vo = w.vo[root.id];
    if (!finite(v, vo, k)) {
      throw Diagnosis.explain(this, w, value(w));
    }
    System.arraycopy(v, vo, out, oo, k);
  }

  private static boolean finite(double[] x, int from, int n) {
    for (int j = from; j < from + n; j++) {
      if (!(Math.abs(x[j]) <= Double.MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }

  /** The root's value: the scalar, or the sum of the vector's elements in index order. */
  double value(Workspace w) {
    double[] v = w.val[root.id];
    int vo = w.vo[root.id];
    if (!root.vector) {
      return v[vo];
    }
    double sum = 0;
    for (int j = 0; j < w.k; j++) {
      sum += v[vo + j];
    }
    return sum;
  }

  /** Checks every constant index is below {@code k}. */
  void checkIndices(int k) {
    if (maxIndex >= k) {
      throw new FormulaException(expression, maxIndexAt, "index " + maxIndex
          + " is out of range for K = " + k + " scores (indices run from 0 to " + (k - 1) + ")");
    }
  }

  FormulaException labelNeedsLabels() {
    return new FormulaException(expression, labelAt,
        "formula uses label, which needs class labels, not a dense target");
  }

  /** The tape as text, one node a line: {@code t3 = logsoftmax_at[label](t0, t1)  scalar}. */
  String describe() {
    Map<Integer, String> names = new HashMap<>();
    StringBuilder b = new StringBuilder();
    for (Expr e : nodes) {
      String name = "t" + names.size();
      names.put(e.id, name);
      b.append(name).append(" = ");
      switch (e.kind) {
        case NUMBER -> b.append(format(e.number));
        case SCORES, TARGET, LABEL, CLASSES -> b.append(e.kind.label);
        default -> {
          b.append(e.kind.label);
          if (e.kind.indexed()) {
            b.append('[').append(e.parameter == Expr.LABEL_INDEX ? "label" : e.parameter).append(']');
          } else if (e.kind == Kind.POW_INT) {
            b.append('[').append(e.parameter).append(']');
          } else if (e.kind == Kind.POW_CONST) {
            b.append('[').append(format(e.number)).append(']');
          }
          b.append('(');
          for (int i = 0; i < e.inputs.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(e.input(i).id));
          }
          b.append(')');
        }
      }
      b.append(e.vector ? "  vector" : "  scalar").append('\n');
    }
    return b.toString();
  }

  private static String format(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.format(Locale.ROOT, "%.0f", x)
        : Double.toString(x);
  }

  String expression() {
    return expression;
  }

  Expr root() {
    return root;
  }

  Expr[] nodes() {
    return nodes;
  }

  Op[] forward() {
    return forward;
  }

  Op[] backward() {
    return backward;
  }

  int idCount() {
    return idCount;
  }

  Expr scores() {
    return scores;
  }

  Expr target() {
    return target;
  }

  Expr labelNode() {
    return labelNode;
  }

  boolean usesTarget() {
    return target != null;
  }

  boolean usesLabel() {
    return usesLabel;
  }
}
