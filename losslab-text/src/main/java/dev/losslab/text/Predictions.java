package dev.losslab.text;

/**
 * The top-k labels of one prediction, best first, each with a log-score and its probability. Built by
 * {@link #offer} (a bounded min-heap on the score, ties to the lower label id as fastText's pair
 * order) then {@link #sort}. Reused per line; not thread-safe.
 */
public final class Predictions {
  private int[] label;
  private float[] score;
  private float[] prob;
  private int size;
  private int k;

  public Predictions(int capacity) {
    label = new int[capacity + 1];
    score = new float[capacity + 1];
    prob = new float[capacity + 1];
  }

  /** Starts a new prediction keeping at most {@code k} labels. */
  public void reset(int k) {
    this.k = k;
    size = 0;
    if (label.length < k + 1) {
      label = new int[k + 1];
      score = new float[k + 1];
      prob = new float[k + 1];
    }
  }

  public int size() { return size; }
  public int k() { return k; }
  public int label(int i) { return label[i]; }
  /** The log-score: {@code log(p + 1e-5)} for fastText's heads. */
  public float score(int i) { return score[i]; }
  /** The probability printed: {@code exp(score) = p + 1e-5} for fastText's heads. */
  public float probability(int i) { return prob[i]; }

  /** The lowest score kept, when k are kept. */
  boolean full() {
    return size == k;
  }

  float worst() {
    return score[0];
  }

  private static boolean less(float sa, int la, float sb, int lb) {
    // heap order: "greater" score is better; for equal scores the larger id ranks lower
    return sa < sb || (sa == sb && la > lb);
  }

  /** Offers a candidate with log-score {@code s}, printed as {@code exp(s)}. */
  public void offer(float s, int l) {
    offer(s, l, (float) Math.exp(s));
  }

  /** Offers a candidate with ranking score {@code s} and the probability {@code p} to print. */
  public void offer(float s, int l, float p) {
    if (size == k) {
      if (!less(score[0], label[0], s, l)) {
        return;
      }
      score[0] = s;
      label[0] = l;
      prob[0] = p;
      siftDown(0, size);
      return;
    }
    int i = size++;
    score[i] = s;
    label[i] = l;
    prob[i] = p;
    while (i > 0) {
      int up = (i - 1) >> 1;
      if (!less(score[i], label[i], score[up], label[up])) {
        break;
      }
      swap(i, up);
      i = up;
    }
  }

  private void siftDown(int i, int n) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= n) {
        return;
      }
      int m = l;
      if (l + 1 < n && less(score[l + 1], label[l + 1], score[l], label[l])) {
        m = l + 1;
      }
      if (!less(score[m], label[m], score[i], label[i])) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }

  private void swap(int a, int b) {
    float s = score[a];
    score[a] = score[b];
    score[b] = s;
    int t = label[a];
    label[a] = label[b];
    label[b] = t;
    float q = prob[a];
    prob[a] = prob[b];
    prob[b] = q;
  }

  /** Orders the kept labels best first. */
  public void sort() {
    for (int n = size - 1; n > 0; n--) {
      swap(0, n);
      siftDown(0, n);
    }
  }
}
