package dev.losslab.text;

/**
 * One training thread's pending updates of the output matrix {@code B}: with two threads or more,
 * a head's step on row {@code j} adds {@code α·h} here instead of to the shared row, and the trainer
 * adds the rows touched since the last flush to {@code B} every {@link #INTERVAL} examples (and at the
 * end of the thread's share of an epoch), zeroing them here.
 *
 * <p>Why: with a dense head ({@code softmax}, {@code ova}, a core loss) every example writes every row
 * of {@code B}; when two threads do that to one shared matrix, each write takes the cache line from
 * the other core, and a second thread makes training slower, not faster. Held back here, the shared
 * rows are only read between flushes and stay cached in both cores; a flush moves each touched line
 * once per {@link #INTERVAL} examples instead of once per example.
 *
 * <p>What it does to training: the thread's scores and its gradient for {@code A} are computed with
 * {@code B} as it was at the last flush plus the other threads' flushed updates — its own last few
 * updates of {@code B} arrive late, as the other threads' always do under Hogwild — so for {@code B}
 * the step is the sum of up to {@link #INTERVAL} examples' gradients taken at one point, like a
 * mini-batch, while {@code A} is still updated after every example. With one thread nothing is held
 * back (bit-identical to the plain update). Memory: one {@code float} per weight of {@code B} per
 * thread ({@link #bytes}).
 */
final class OutputDelta {
  /** Examples between flushes. */
  static final int INTERVAL = 16;

  private final int dim;
  private final float[] delta;
  private final int[] dirty;
  private final boolean[] marked;
  private int ndirty;

  OutputDelta(int rows, int dim) {
    this.dim = dim;
    this.delta = new float[rows * dim];
    this.dirty = new int[rows];
    this.marked = new boolean[rows];
  }

  /** Heap bytes of a delta for {@code rows × dim}. */
  static long bytes(long rows, int dim) {
    return rows * dim * 4L + rows * 5L + 64;
  }

  /** {@code grad += α·row} with the shared row as it is; {@code Δ_j += α·h}. */
  void step(float[] row, int j, float[] hidden, float[] grad, float alpha) {
    int o = j * dim;
    float[] d = delta;
    for (int i = 0; i < dim; i++) {
      grad[i] += alpha * row[i];
      d[o + i] += alpha * hidden[i];
    }
    if (!marked[j]) {
      marked[j] = true;
      dirty[ndirty++] = j;
    }
  }

  /** Adds the pending rows to {@code B} and clears them. */
  void flush(Model m) {
    float[] d = delta;
    for (int k = 0; k < ndirty; k++) {
      int j = dirty[k];
      float[] row = m.outputRow(j);
      int o = j * dim;
      for (int i = 0; i < dim; i++) {
        row[i] += d[o + i];
        d[o + i] = 0f;
      }
      marked[j] = false;
    }
    ndirty = 0;
  }
}
