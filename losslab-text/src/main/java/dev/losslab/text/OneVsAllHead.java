package dev.losslab.text;

/**
 * fastText's {@code ova} head (loss.cc:126-143): an independent binary logistic loss on every label,
 * positive for the line's labels, negative for the others: {@code L = Σ_j −log σ(±s_j)},
 * {@code ∂L/∂s_j = σ(s_j) − y_j}. Multi-label lines train on all their labels. Prediction uses
 * fastText's sigmoid table, so probabilities match a fastText model (513 distinct values).
 */
public final class OneVsAllHead implements Head {

  @Override
  public String name() {
    return Args.OVA;
  }

  @Override
  public int fastTextCode() {
    return 4;
  }

  @Override
  public double update(Model m, int[] labels, int lo, int hi, float lr, Workspace ws) {
    int k = m.outputRows();
    double loss = 0;
    for (int j = 0; j < k; j++) {
      boolean positive = false;
      for (int i = lo; i < hi; i++) {
        if (labels[i] == j) {
          positive = true;
          break;
        }
      }
      loss += Head.binaryLogistic(m, j, positive, lr, ws);
    }
    return loss;
  }

  @Override
  public void predict(Model m, Workspace ws, int k, float threshold, Predictions out) {
    tableSigmoids(m, ws);
    SoftmaxHead.collect(ws.scores, m.outputRows(), k, threshold, out);
  }

  /** {@code ws.scores[j] = sigmoid_table(B_j·h)}, fastText's ova and ns prediction. */
  static void tableSigmoids(Model m, Workspace ws) {
    int k = m.outputRows();
    Vectors.scores(m, ws.hidden, k, ws.scores);
    for (int j = 0; j < k; j++) {
      ws.scores[j] = SigmoidTable.sigmoid(ws.scores[j]);
    }
  }
}
