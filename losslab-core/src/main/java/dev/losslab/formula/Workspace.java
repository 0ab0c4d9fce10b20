package dev.losslab.formula;

import dev.losslab.loss.Target;
import java.util.Arrays;

/**
 * The per-thread scratch of one {@link Program}: where every node's value, gradient and cache live for
 * one example. Laid out for one {@code K} at a time ({@link #layout}), all in one {@code double[]},
 * except the scores and their gradient, which are the caller's arrays, and a dense target, which is
 * read in place. A node's value is {@code val[id][vo[id] ..]} (length K for a vector, 1 for a
 * scalar), its gradient {@code grad[id][go[id] ..]}, its primitive's cache {@code data[co[id] ..]}.
 *
 * <p>Not thread-safe: {@link FormulaLoss} keeps one per thread.
 */
final class Workspace {
  final Program program;
  /** The K this workspace is laid out for; -1 before the first layout. */
  int k = -1;
  double[] data = new double[0];
  final double[][] val;
  final int[] vo;
  final double[][] grad;
  final int[] go;
  final int[] co;
  /** The example's label (for {@code label} and {@code v[label]}); -1 with a dense target. */
  int label = -1;
  /** The example being evaluated, for messages. */
  int row;
  /** The first maximal score's index if the caller found it for this example, else -1. */
  private int knownArgmax = -1;
  private int zeroFrom;
  private int zeroTo;
  private int oneHot = -1;
  private int hot = -1;

  Workspace(Program program) {
    this.program = program;
    int ids = program.idCount();
    val = new double[ids][];
    vo = new int[ids];
    grad = new double[ids][];
    go = new int[ids];
    co = new int[ids];
  }

  /**
   * Lays the nodes out for {@code k} scores: values, then the gradients that are cleared before each
   * backward pass (one contiguous block), then the root's gradient (ones, never cleared), the
   * primitives' caches and the one-hot row of a label target.
   */
  void layout(int k) {
    program.checkIndices(k);
    int offset = 0;
    Expr[] nodes = program.nodes();
    for (Expr e : nodes) {
      if (e.kind != Kind.SCORES && e.kind != Kind.TARGET) {
        vo[e.id] = offset;
        offset += width(e, k);
      }
    }
    zeroFrom = offset;
    for (Expr e : nodes) {
      if (program.receives(e.id) && e != program.root() && e.kind != Kind.SCORES) {
        go[e.id] = offset;
        offset += width(e, k);
      }
    }
    zeroTo = offset;
    Expr root = program.root();
    int rootGrad = offset;
    offset += width(root, k);
    for (Op op : program.forward()) {
      co[op.out] = offset;
      offset += op.cacheLength(k);
    }
    oneHot = program.usesTarget() ? offset : -1;
    offset += program.usesTarget() ? k : 0;

    data = new double[offset];
    for (Expr e : nodes) {
      if (e.kind != Kind.SCORES && e.kind != Kind.TARGET) {
        val[e.id] = data;
      }
      if (program.receives(e.id) && e.kind != Kind.SCORES) {
        grad[e.id] = data;
      }
      if (e.kind == Kind.NUMBER) {
        data[vo[e.id]] = e.number;
      } else if (e.kind == Kind.CLASSES) {
        data[vo[e.id]] = k;
      }
    }
    go[root.id] = rootGrad;
    Arrays.fill(data, rootGrad, rootGrad + width(root, k), 1.0);
    hot = -1;
    this.k = k;
  }

  static int width(Expr e, int k) {
    return e.vector ? k : 1;
  }

  /**
   * Points the leaves at example {@code row}: scores, gradient, target row, label; {@code argmax} is
   * the index of the first maximal score when the caller found it (the float path does, while
   * widening), else -1.
   */
  void bind(double[] s, int so, Target t, int row, double[] g, int gOffset, int argmax) {
    this.row = row;
    knownArgmax = argmax;
    Expr scores = program.scores();
    if (scores != null) {
      val[scores.id] = s;
      vo[scores.id] = so;
      grad[scores.id] = g;
      go[scores.id] = gOffset;
    }
    Expr target = program.target();
    if (t.hasLabels()) {
      label = t.label(row);
      if ((label < 0 || label >= k) && (target != null || program.usesLabel())) {
        throw new IllegalArgumentException(
            "label " + label + " of example " + row + " is out of range [0, " + k + ")");
      }
    } else {
      label = -1;
      if (program.usesLabel()) {
        throw program.labelNeedsLabels();
      }
    }
    if (target != null) {
      if (t.hasLabels()) {
        if (hot != label) {
          if (hot >= 0) {
            data[oneHot + hot] = 0.0;
          }
          data[oneHot + label] = 1.0;
          hot = label;
        }
        val[target.id] = data;
        vo[target.id] = oneHot;
      } else {
        if (t.columns() != k) {
          throw new IllegalArgumentException(
              "target has " + t.columns() + " columns but scores have " + k);
        }
        val[target.id] = t.values();
        vo[target.id] = t.offset(row);
      }
    }
    Expr labelNode = program.labelNode();
    if (labelNode != null) {
      data[vo[labelNode.id]] = label;
    }
  }

  /** The first maximal score's index if the caller found it for this example, else -1. */
  int knownScoresArgmax() {
    return knownArgmax;
  }

  /** Clears the gradients the backward pass accumulates into, the caller's {@code g} row included. */
  void clearGradients() {
    Arrays.fill(data, zeroFrom, zeroTo, 0.0);
    Expr scores = program.scores();
    if (scores != null) {
      Arrays.fill(grad[scores.id], go[scores.id], go[scores.id] + k, 0.0);
    }
  }
}
