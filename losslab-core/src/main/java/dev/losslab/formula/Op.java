package dev.losslab.formula;

/**
 * One primitive of the tape: {@link #forward} computes the node's value from its inputs' values (and
 * caches what its backward needs, in {@link #cacheLength} doubles of the workspace); {@link #backward}
 * adds the node's gradient times the local derivative to its inputs' gradients. Both run on a
 * {@link Workspace}; an op itself holds only node ids and constants, so one tape serves every thread.
 *
 * <p>Inputs are {@code a} and {@code b} (node ids, -1 when absent). A scalar input of an element-wise
 * op broadcasts: it is read with stride 0 ({@link #strideA}), and its gradient is the sum over the
 * elements. Gradients are accumulated ({@code +=}) into buffers the workspace clears first, so a node
 * used twice receives both contributions.
 */
abstract class Op {
  final Expr node;
  final int out;
  final int a;
  final int b;
  /** Whether input {@code a} (resp. {@code b}) depends on the scores and so receives a gradient. */
  final boolean gradA;
  final boolean gradB;
  final boolean vector;
  final int strideA;
  final int strideB;

  Op(Expr node) {
    this.node = node;
    this.out = node.id;
    this.vector = node.vector;
    Expr x = node.inputs.isEmpty() ? null : node.input(0);
    Expr y = node.inputs.size() < 2 ? null : node.input(1);
    this.a = x == null ? -1 : x.id;
    this.b = y == null ? -1 : y.id;
    this.gradA = x != null && x.varies;
    this.gradB = y != null && y.varies && propagatesToB();
    this.strideA = x != null && x.vector ? 1 : 0;
    this.strideB = y != null && y.vector ? 1 : 0;
  }

  /** The node's value from its inputs'. */
  abstract void forward(Workspace w);

  /** Adds ∂(root)/∂(input) = gradient of the node × local derivative to each input that varies. */
  abstract void backward(Workspace w);

  /** Doubles of workspace this primitive caches between forward and backward, for {@code k} scores. */
  int cacheLength(int k) {
    return 0;
  }

  /**
   * Whether the backward pass writes input {@code b}'s gradient; false for the softmax family, whose
   * second input is the shared softmax node they read their cache from, while their gradient goes to
   * the vector itself.
   */
  boolean propagatesToB() {
    return true;
  }

  /** The number of elements of the node's value. */
  final int width(Workspace w) {
    return vector ? w.k : 1;
  }

  /** The values of the inputs at element {@code j} (broadcast), for a domain error's message. */
  double[] arguments(Workspace w, int j) {
    if (b < 0) {
      return new double[] {w.val[a][w.vo[a] + j * strideA]};
    }
    return new double[] {w.val[a][w.vo[a] + j * strideA], w.val[b][w.vo[b] + j * strideB]};
  }
}
