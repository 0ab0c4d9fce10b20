package dev.losslab.text;

/**
 * The output side of the model: how the scores {@code s = B·h} become a loss, how {@code B} and the
 * hidden gradient are updated, and how labels are predicted. Implementations are immutable and
 * thread-safe; per-thread scratch comes from the {@link Workspace}.
 *
 * <p>Update contract: given {@code h} in {@code ws.hidden}, a head computes the loss of the example, adds
 * {@code −lr·Σ_j (∂L/∂s_j)·B_j} (with each row as it was before its own change) to {@code ws.grad}, and
 * applies {@code B_j += −lr·(∂L/∂s_j)·h}. The model then spreads {@code ws.grad / N} over the input rows.
 */
public interface Head {
  /** The loss name, e.g. {@code softmax} or {@code cross-entropy}. */
  String name();

  /**
   * One SGD step on the example whose labels are {@code labels[lo..hi)} (at least one).
   *
   * @return the example's loss
   */
  double update(Model model, int[] labels, int lo, int hi, float lr, Workspace ws);

  /**
   * The best {@code k} labels for the hidden vector in {@code ws.hidden}, skipping labels whose
   * probability is below {@code threshold}; written to {@code out}, best first.
   */
  void predict(Model model, Workspace ws, int k, float threshold, Predictions out);

  /** The loss code a fastText model file records: hs 1, ns 2, softmax 3, ova 4. */
  int fastTextCode();

  /** Draws the one target label of a line for heads that train on one label per line, as fastText. */
  static int drawLabel(int[] labels, int lo, int hi, Workspace ws) {
    return labels[lo + ws.rng.nextInt(hi - lo)];
  }

  /** {@code log(p + 1e-5)}, fastText's prediction score. */
  static float stdLog(float p) {
    return (float) Math.log(p + 1e-5);
  }

  /** {@code −log σ(s)} for label 1, {@code −log(1 − σ(s))} for label 0, without overflow. */
  static double logisticLoss(float s, boolean positive) {
    double z = positive ? -s : s;
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  /**
   * The sigmoid of fastText's binary logistic step: exact inside {@code [−8, 8]}, exactly 0 below and
   * 1 above, as fastText's table saturates — so a row whose score is already past ±8 on the right side
   * gets no update. fastText's {@code ova}, {@code ns} and {@code hs} train this way; with hundreds of
   * negatives per example ({@code ova}) the tiny updates an unsaturated sigmoid would add up to
   * change training noticeably.
   */
  static float saturatedSigmoid(float s) {
    if (s < -SigmoidTable.MAX) {
      return 0f;
    }
    if (s > SigmoidTable.MAX) {
      return 1f;
    }
    return sigmoid(s);
  }

  /** The exact logistic sigmoid. */
  static float sigmoid(float s) {
    return (float) (1.0 / (1.0 + Math.exp(-s)));
  }

  /**
   * fastText's binary logistic step on output row {@code r} (loss.cc:98-115), with the
   * {@linkplain #saturatedSigmoid saturated} exact sigmoid:
   * {@code α = lr·(label − σ(B_r·h))}, {@code grad += α·B_r}, {@code B_r += α·h}.
   */
  static double binaryLogistic(Model m, int r, boolean positive, float lr, Workspace ws) {
    int dim = m.dim();
    float[] b = m.outputRow(r);
    float s = Vectors.dot(b, 0, ws.hidden, 0, dim);
    float alpha = lr * ((positive ? 1f : 0f) - saturatedSigmoid(s));
    Vectors.step(b, ws.hidden, ws.grad, alpha, dim);
    return logisticLoss(s, positive);
  }
}
