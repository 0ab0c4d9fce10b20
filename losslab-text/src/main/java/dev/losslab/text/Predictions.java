package dev.losslab.text;

/**
 * The top-k labels of one prediction, best first, each with a ranking score and the probability to
 * print. Built by {@link #offer} then {@link #sort}, with exactly the heap operations of fastText's
 * {@code findKBest} and {@code dfs} ({@code std::push_heap}, {@code std::pop_heap},
 * {@code std::sort_heap} of libstdc++ with a comparator on the score only), so that labels with equal
 * probabilities — frequent with the table sigmoid of {@code ova} and {@code ns} — come out in fastText's
 * order. Reused per line; not thread-safe.
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
  /** The ranking score: {@code log(p + 1e-5)} for fastText's heads. */
  public float score(int i) { return score[i]; }
  /** The probability printed: {@code exp(score) = p + 1e-5} for fastText's heads. */
  public float probability(int i) { return prob[i]; }

  /** Whether k labels are kept. */
  boolean full() {
    return size == k;
  }

  /** The lowest kept score (the heap's front). */
  float worst() {
    return score[0];
  }

  /** Offers a candidate with log-score {@code s}, printed as {@code exp(s)}. */
  public void offer(float s, int l) {
    offer(s, l, (float) Math.exp(s));
  }

  /** Offers a candidate with ranking score {@code s} and the probability {@code p} to print. */
  public void offer(float s, int l, float p) {
    score[size] = s;
    label[size] = l;
    prob[size] = p;
    size++;
    pushHeap(size - 1, 0, s, l, p);
    if (size > k) {
      popHeap(size);
      size--;
    }
  }

  // libstdc++'s heap algorithms with comp(a, b) = a.score > b.score (a min-heap on the score).

  private void pushHeap(int hole, int top, float s, int l, float p) {
    int parent = (hole - 1) / 2;
    while (hole > top && score[parent] > s) {
      move(parent, hole);
      hole = parent;
      parent = (hole - 1) / 2;
    }
    score[hole] = s;
    label[hole] = l;
    prob[hole] = p;
  }

  /** {@code std::pop_heap} over {@code [0, len)}: the front goes to {@code len − 1}. */
  private void popHeap(int len) {
    if (len <= 1) {
      return;
    }
    int last = len - 1;
    float vs = score[last];
    int vl = label[last];
    float vp = prob[last];
    move(0, last);
    adjustHeap(0, last, vs, vl, vp);
  }

  private void adjustHeap(int hole, int len, float s, int l, float p) {
    int top = hole;
    int second = hole;
    while (second < (len - 1) / 2) {
      second = 2 * (second + 1);
      if (score[second] > score[second - 1]) {
        second--;
      }
      move(second, hole);
      hole = second;
    }
    if ((len & 1) == 0 && second == (len - 2) / 2) {
      second = 2 * (second + 1);
      move(second - 1, hole);
      hole = second - 1;
    }
    pushHeap(hole, top, s, l, p);
  }

  private void move(int from, int to) {
    score[to] = score[from];
    label[to] = label[from];
    prob[to] = prob[from];
  }

  /** Orders the kept labels best first ({@code std::sort_heap}). */
  public void sort() {
    for (int n = size; n > 1; n--) {
      popHeap(n);
    }
  }
}
