package dev.losslab.text;

/**
 * Scratch for one thread: the hidden vector, the gradient accumulated for the input rows, the scores
 * of the output rows, a double buffer for core losses, and the thread's random generator. Created once
 * per thread; nothing is allocated per example.
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

  /**
   * @param dim hidden size
   * @param outputs number of output rows (labels)
   * @param seed the thread's seed
   */
  public Workspace(int dim, int outputs, long seed) {
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

  /** The hidden vector of the last forward pass. */
  public float[] hidden() {
    return hidden;
  }
}
