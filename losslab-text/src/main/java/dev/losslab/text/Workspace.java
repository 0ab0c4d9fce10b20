package dev.losslab.text;

/**
 * Scratch for one thread: the hidden vector, the gradient accumulated for the input rows, the scores
 * of the output rows, a double buffer for core losses, the thread's random generator, and when it
 * trains beside other threads its held-back updates of the output matrix ({@link OutputDelta}).
 * Created once per thread; nothing is allocated per example.
 */
public final class Workspace {
  final float[] hidden;
  final float[] grad;
  final float[] scores;
  final float[] scoreGrad;
  final double[] scratch;
  final Rng rng;
  final Predictions top;
  final int[] label = new int[1];
  final dev.losslab.loss.Target labelTarget = dev.losslab.loss.Target.labels(label);
  private double[] dense;
  dev.losslab.loss.Target denseTarget;
  /** The thread's pending updates of {@code B}, or null to update it at once. */
  final OutputDelta delta;

  /**
   * @param dim hidden size
   * @param outputs number of output rows (labels)
   * @param seed the thread's seed
   */
  public Workspace(int dim, int outputs, long seed) {
    this(dim, outputs, seed, false);
  }

  /** @param delayed whether updates of {@code B} are held in an {@link OutputDelta} */
  Workspace(int dim, int outputs, long seed, boolean delayed) {
    delta = delayed ? new OutputDelta(Math.max(1, outputs), dim) : null;
    hidden = new float[dim];
    grad = new float[dim];
    scores = new float[Math.max(1, outputs)];
    scoreGrad = new float[Math.max(1, outputs)];
    scratch = new double[2 * Math.max(1, outputs) + 2];
    rng = new Rng(seed);
    top = new Predictions(Math.max(1, outputs));
  }

  /** A target row of length k, wrapped by {@link #denseTarget}. */
  double[] denseRow(int k) {
    if (dense == null || dense.length != k) {
      dense = new double[k];
      denseTarget = dev.losslab.loss.Target.dense(1, k, dense);
    }
    return dense;
  }

  /**
   * The SGD step on output row {@code j} for the score gradient {@code −α/lr}: {@code grad += α·B_j}
   * with the row before its change, then {@code B_j += α·h} — now, or at the next flush of
   * {@link #delta}.
   */
  void outputStep(Model m, int j, float alpha) {
    if (delta == null) {
      Vectors.step(m.outputRow(j), hidden, grad, alpha, m.dim());
    } else {
      delta.step(m.outputRow(j), j, hidden, grad, alpha);
    }
  }

  /** The hidden vector of the last forward pass. */
  public float[] hidden() {
    return hidden;
  }
}
