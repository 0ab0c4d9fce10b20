package dev.losslab.text;

/**
 * fastText's {@code hs} head (loss.cc:203-301): a Huffman tree over the label counts (which the
 * dictionary keeps in descending order), built with the two-pointer construction, right child coded 1.
 * Internal node {@code n} uses output row {@code n − K}. The loss of label {@code t} is the sum of binary
 * logistic losses along its path to the root, {@code Σ −log σ(±s_node)}; each node's row gets the
 * binary logistic step.
 *
 * <p>Prediction is fastText's depth-first search from the root with the exact sigmoid: a leaf's score is
 * {@code Σ log(σ(±s) + 1e-5)} along its path, branches below {@code log(threshold + 1e-5)} or below the
 * current k-th best are cut.
 */
public final class HierarchicalSoftmaxHead implements Head {
  private final int osz;
  private final int[] left;
  private final int[] right;
  private final int[][] paths;
  private final boolean[][] codes;

  /** @param labelCounts label counts in label order (descending) */
  public HierarchicalSoftmaxHead(long[] labelCounts) {
    osz = labelCounts.length;
    int n = Math.max(1, 2 * osz - 1);
    long[] count = new long[n];
    int[] parent = new int[n];
    boolean[] binary = new boolean[n];
    left = new int[n];
    right = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = -1;
      left[i] = -1;
      right[i] = -1;
      count[i] = (long) 1e15;
    }
    for (int i = 0; i < osz; i++) {
      count[i] = labelCounts[i];
    }
    int leaf = osz - 1;
    int node = osz;
    for (int i = osz; i < 2 * osz - 1; i++) {
      int[] mini = new int[2];
      for (int j = 0; j < 2; j++) {
        if (leaf >= 0 && count[leaf] < count[node]) {
          mini[j] = leaf--;
        } else {
          mini[j] = node++;
        }
      }
      left[i] = mini[0];
      right[i] = mini[1];
      count[i] = count[mini[0]] + count[mini[1]];
      parent[mini[0]] = i;
      parent[mini[1]] = i;
      binary[mini[1]] = true;
    }
    paths = new int[osz][];
    codes = new boolean[osz][];
    for (int i = 0; i < osz; i++) {
      int depth = 0;
      for (int j = i; parent[j] != -1; j = parent[j]) {
        depth++;
      }
      paths[i] = new int[depth];
      codes[i] = new boolean[depth];
      int d = 0;
      for (int j = i; parent[j] != -1; j = parent[j]) {
        paths[i][d] = parent[j] - osz;
        codes[i][d] = binary[j];
        d++;
      }
    }
  }

  @Override
  public String name() {
    return Args.HS;
  }

  @Override
  public int fastTextCode() {
    return 1;
  }

  /** The output rows on the path of label {@code t} to the root (for tests). */
  int[] path(int t) {
    return paths[t].clone();
  }

  /** The codes on that path: true where the node is a right child. */
  boolean[] code(int t) {
    return codes[t].clone();
  }

  @Override
  public double update(Model m, int[] labels, int lo, int hi, float lr, Workspace ws) {
    int target = Head.drawLabel(labels, lo, hi, ws);
    int[] path = paths[target];
    boolean[] code = codes[target];
    double loss = 0;
    for (int i = 0; i < path.length; i++) {
      loss += Head.binaryLogistic(m, path[i], code[i], lr, ws);
    }
    return loss;
  }

  @Override
  public void predict(Model m, Workspace ws, int k, float threshold, Predictions out) {
    out.reset(k);
    if (osz == 1) {
      if (1f >= threshold) {
        out.offer(0f, 0);
      }
      return;
    }
    dfs(m, ws, k, Head.stdLog(threshold), 2 * osz - 2, 0f, out);
    out.sort();
  }

  private void dfs(Model m, Workspace ws, int k, float logThreshold, int node, float score,
      Predictions out) {
    if (score < logThreshold) {
      return;
    }
    if (out.full() && score < out.worst()) {
      return;
    }
    if (left[node] == -1 && right[node] == -1) {
      out.offer(score, node);
      return;
    }
    float f = Head.sigmoid(m.score(node - osz, ws.hidden));
    dfs(m, ws, k, logThreshold, left[node], score + Head.stdLog(1f - f), out);
    dfs(m, ws, k, logThreshold, right[node], score + Head.stdLog(f), out);
  }
}
