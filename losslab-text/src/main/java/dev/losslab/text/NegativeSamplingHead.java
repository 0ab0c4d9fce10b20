package dev.losslab.text;

/**
 * fastText's {@code ns} head (loss.cc:145-190): a binary logistic step on the target label (drawn
 * uniformly from the line's labels) and on {@code neg} negative labels drawn with probability
 * proportional to {@code count^0.5}, redrawing a negative equal to the target. Loss
 * {@code −log σ(s_t) − Σ_n log(1 − σ(s_n))}, {@code ∂L/∂s = σ(s) − y} on each of those rows.
 *
 * <p>fastText draws negatives from a shuffled 10M-entry table; this head draws from the same
 * distribution with Walker's alias method (2K numbers instead of 40 MB). Prediction uses fastText's
 * sigmoid table, like {@code ova}.
 */
public final class NegativeSamplingHead implements Head {
  private final int neg;
  private final double[] prob;
  private final int[] alias;

  /**
   * @param labelCounts the label counts, in label order
   * @param neg negatives per example
   */
  public NegativeSamplingHead(long[] labelCounts, int neg) {
    this.neg = neg;
    int k = labelCounts.length;
    prob = new double[k];
    alias = new int[k];
    double[] w = new double[k];
    double z = 0;
    for (int i = 0; i < k; i++) {
      w[i] = Math.sqrt(labelCounts[i]);
      z += w[i];
    }
    int[] small = new int[k];
    int[] large = new int[k];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < k; i++) {
      w[i] = z > 0 ? w[i] * k / z : 1.0;
      if (w[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      prob[s] = w[s];
      alias[s] = l;
      w[l] = (w[l] + w[s]) - 1.0;
      if (w[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      prob[large[--nl]] = 1.0;
    }
    while (ns > 0) {
      prob[small[--ns]] = 1.0;
    }
  }

  @Override
  public String name() {
    return Args.NS;
  }

  @Override
  public int fastTextCode() {
    return 2;
  }

  int negative(int target, Rng rng) {
    int k = prob.length;
    int n;
    do {
      int i = rng.nextInt(k);
      n = rng.nextDouble() < prob[i] ? i : alias[i];
    } while (n == target);
    return n;
  }

  @Override
  public double update(Model m, int[] labels, int lo, int hi, float lr, Workspace ws) {
    int target = Head.drawLabel(labels, lo, hi, ws);
    double loss = Head.binaryLogistic(m, target, true, lr, ws);
    if (prob.length > 1) {
      for (int n = 0; n < neg; n++) {
        loss += Head.binaryLogistic(m, negative(target, ws.rng), false, lr, ws);
      }
    }
    return loss;
  }

  @Override
  public void predict(Model m, Workspace ws, int k, float threshold, Predictions out) {
    OneVsAllHead.tableSigmoids(m, ws);
    SoftmaxHead.collect(ws.scores, m.outputRows(), k, threshold, out);
  }
}
