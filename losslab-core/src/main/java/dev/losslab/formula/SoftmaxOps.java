package dev.losslab.formula;

/**
 * The softmax family. One {@link Softmax} node per vector {@code v} computes, as the built-in softmax
 * losses do, {@code e_j = e^{v_j − max}} (the first maximal element {@code m} contributing exactly 1),
 * {@code rest = Σ_{j≠m} e_j}, {@code log Σ_j e^{v_j − max} = log1p(rest)}, {@code inv = 1/(1 + rest)}
 * and {@code p = e·inv}, and caches {@code m, max, rest, log1p(rest), inv}. The other members read that
 * cache (their second input is the softmax node) and send their gradient straight to {@code v}:
 *
 * <ul>
 *   <li>{@code logsoftmax(v)_j = (v_j − max) − log1p(rest)}, so a confident example keeps its tiny loss;
 *   <li>{@code logsumexp(v) = max + log1p(rest)};
 *   <li>{@code 1 − p_i} (the complement) is {@code rest·inv} when {@code i = m}, where
 *       {@code 1 − p_m} would cancel; elsewhere {@code p_i ≤ ½} and {@code 1 − p_i} is exact enough.
 *       Every derivative {@code ∂ log p_i/∂v_i = 1 − p_i} and {@code ∂p_i/∂v_i = p_i(1 − p_i)} uses it.
 * </ul>
 */
final class SoftmaxOps {
  private SoftmaxOps() {}

  private static final int M = 0;
  private static final int MAX = 1;
  private static final int REST = 2;
  private static final int LOG_SUM = 3;
  private static final int INV = 4;
  /** What a member multiplies the node's value by to read p: 1 if normalised, else {@code inv}. */
  private static final int SCALE = 5;

  /**
   * The index of the first maximal element of {@code x[xo .. xo+k)} (0 if one is NaN): the largest
   * value by four independent {@link Math#max} chains, then the first element equal to it; several
   * times faster than one compare-and-branch chain, which serialises on its own latency.
   */
  static int argmax(double[] x, int xo, int k) {
    double m0 = x[xo];
    double m1 = m0;
    double m2 = m0;
    double m3 = m0;
    int j = 1;
    for (; j + 3 < k; j += 4) {
      m0 = Math.max(m0, x[xo + j]);
      m1 = Math.max(m1, x[xo + j + 1]);
      m2 = Math.max(m2, x[xo + j + 2]);
      m3 = Math.max(m3, x[xo + j + 3]);
    }
    for (; j < k; j++) {
      m0 = Math.max(m0, x[xo + j]);
    }
    double max = Math.max(Math.max(m0, m1), Math.max(m2, m3));
    for (int i = 0; i < k; i++) {
      if (x[xo + i] == max) {
        return i;
      }
    }
    return 0;
  }

  /** {@code 1 − p_i}, from the softmax node's cache at {@code c}. */
  private static double complement(Workspace w, int c, double[] p, int po, int i) {
    return i == (int) w.data[c + M] ? w.data[c + REST] * w.data[c + INV]
        : 1 - p[po + i] * w.data[c + SCALE];
  }

  /**
   * {@code p = softmax(v)}; {@code dv_j += p_j (dp_j − ⟨p, dp⟩)}. When only members of the family read
   * the node (cross-entropy's {@code logsumexp(s) - s[label]}), the value is left as {@code e}, and
   * the members read {@code p_j} as {@code e_j·inv}, the very product the normalisation would store:
   * a pass saved, the same bits.
   */
  static final class Softmax extends Op {
    private final boolean normalise;

    Softmax(Expr e, boolean normalise) {
      super(e);
      this.normalise = normalise;
    }

    @Override
    int cacheLength(int k) {
      return 6;
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] p = w.val[out];
      int po = w.vo[out];
      int k = w.k;
      int known = w.program.scores() != null && a == w.program.scores().id ? w.knownScoresArgmax() : -1;
      int m = known >= 0 ? known : argmax(x, xo, k);
      double max = x[xo + m];
      // rest sums the exponentials in index order, skipping m, as the built-in losses do; e_m = 1
      double rest = 0;
      for (int j = 0; j < m; j++) {
        double e = Math.exp(x[xo + j] - max);
        p[po + j] = e;
        rest += e;
      }
      p[po + m] = Math.exp(x[xo + m] - max);
      for (int j = m + 1; j < k; j++) {
        double e = Math.exp(x[xo + j] - max);
        p[po + j] = e;
        rest += e;
      }
      double inv = 1.0 / (1.0 + rest);
      if (normalise) {
        for (int j = 0; j < k; j++) {
          p[po + j] *= inv;
        }
      }
      double[] c = w.data;
      int co = w.co[out];
      c[co + M] = m;
      c[co + MAX] = max;
      c[co + REST] = rest;
      c[co + LOG_SUM] = Math.log1p(rest);
      c[co + INV] = inv;
      c[co + SCALE] = normalise ? 1.0 : inv;
    }

    @Override
    void backward(Workspace w) {
      double[] p = w.val[out];
      int po = w.vo[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      int k = w.k;
      double dot = 0;
      for (int j = 0; j < k; j++) {
        dot += p[po + j] * u[uo + j];
      }
      for (int j = 0; j < k; j++) {
        gx[gxo + j] += p[po + j] * (u[uo + j] - dot);
      }
    }
  }

  /** Base of the members that read a softmax node ({@code b}) and send their gradient to {@code v} ({@code a}). */
  abstract static class Member extends Op {
    Member(Expr e) {
      super(e);
    }

    @Override
    final boolean propagatesToB() {
      return false;
    }

    @Override
    double[] arguments(Workspace w, int j) {
      return new double[0];
    }
  }

  /** {@code y = logsoftmax(v)}; {@code dv_j += dy_j − p_j Σ_i dy_i}. */
  static final class LogSoftmax extends Member {
    LogSoftmax(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      int c = w.co[b];
      double max = w.data[c + MAX];
      double logSum = w.data[c + LOG_SUM];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0; j < w.k; j++) {
        y[yo + j] = (x[xo + j] - max) - logSum;
      }
    }

    @Override
    void backward(Workspace w) {
      double[] p = w.val[b];
      int po = w.vo[b];
      double q = w.data[w.co[b] + SCALE];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      int k = w.k;
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += u[uo + j];
      }
      for (int j = 0; j < k; j++) {
        gx[gxo + j] += u[uo + j] - p[po + j] * q * sum;
      }
    }
  }

  /** {@code y = logsumexp(v) = max + log1p(rest)}; {@code dv_j += dy·p_j}. */
  static final class LogSumExp extends Member {
    LogSumExp(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      int c = w.co[b];
      w.val[out][w.vo[out]] = w.data[c + MAX] + w.data[c + LOG_SUM];
    }

    @Override
    void backward(Workspace w) {
      double u = w.grad[out][w.go[out]];
      double[] p = w.val[b];
      int po = w.vo[b];
      double q = w.data[w.co[b] + SCALE];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0; j < w.k; j++) {
        gx[gxo + j] += u * (p[po + j] * q);
      }
    }
  }

  /** Base of {@code softmax(v)[i]}, {@code logsoftmax(v)[i]} and {@code 1 − softmax(v)[i]}. */
  abstract static class At extends Member {
    private final int index;

    At(Expr e) {
      super(e);
      this.index = e.parameter;
    }

    final int index(Workspace w) {
      return index == Expr.LABEL_INDEX ? w.label : index;
    }

    /** {@code p_i}. */
    final double probability(Workspace w) {
      return w.val[b][w.vo[b] + index(w)] * w.data[w.co[b] + SCALE];
    }

    /**
     * {@code dv_j += f·(δ_ij − p_j)}: {@code −f·p_j} for {@code j ≠ i} and {@code f·(1 − p_i)} at
     * {@code i}, with the precise complement.
     */
    final void spread(Workspace w, double f) {
      double[] p = w.val[b];
      int po = w.vo[b];
      double q = w.data[w.co[b] + SCALE];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      int i = index(w);
      for (int j = 0; j < i; j++) {
        gx[gxo + j] -= f * (p[po + j] * q);
      }
      for (int j = i + 1; j < w.k; j++) {
        gx[gxo + j] -= f * (p[po + j] * q);
      }
      gx[gxo + i] += f * complement(w, w.co[b], p, po, i);
    }
  }

  /** {@code y = p_i}; {@code dv_j += dy·p_i(δ_ij − p_j)}. */
  static final class SoftmaxAt extends At {
    SoftmaxAt(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      w.val[out][w.vo[out]] = probability(w);
    }

    @Override
    void backward(Workspace w) {
      spread(w, w.grad[out][w.go[out]] * probability(w));
    }
  }

  /** {@code y = log p_i = (v_i − max) − log1p(rest)}; {@code dv_j += dy·(δ_ij − p_j)}. */
  static final class LogSoftmaxAt extends At {
    LogSoftmaxAt(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      int c = w.co[b];
      w.val[out][w.vo[out]] =
          (w.val[a][w.vo[a] + index(w)] - w.data[c + MAX]) - w.data[c + LOG_SUM];
    }

    @Override
    void backward(Workspace w) {
      spread(w, w.grad[out][w.go[out]]);
    }
  }

  /** {@code y = 1 − p_i}, precise where {@code p_i ≈ 1}; {@code dv_j += −dy·p_i(δ_ij − p_j)}. */
  static final class ComplementAt extends At {
    ComplementAt(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      w.val[out][w.vo[out]] = complement(w, w.co[b], w.val[b], w.vo[b], index(w));
    }

    @Override
    void backward(Workspace w) {
      spread(w, -(w.grad[out][w.go[out]] * probability(w)));
    }
  }

  /** {@code y = 1 − softmax(v)}, precise at the maximal element; {@code dv_j += −p_j(dy_j − ⟨p, dy⟩)}. */
  static final class Complement extends Member {
    Complement(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] p = w.val[b];
      int po = w.vo[b];
      double q = w.data[w.co[b] + SCALE];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0; j < w.k; j++) {
        y[yo + j] = 1 - p[po + j] * q;
      }
      int m = (int) w.data[w.co[b] + M];
      y[yo + m] = complement(w, w.co[b], p, po, m);
    }

    @Override
    void backward(Workspace w) {
      double[] p = w.val[b];
      int po = w.vo[b];
      double q = w.data[w.co[b] + SCALE];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      int k = w.k;
      double dot = 0;
      for (int j = 0; j < k; j++) {
        dot += p[po + j] * q * u[uo + j];
      }
      for (int j = 0; j < k; j++) {
        gx[gxo + j] -= p[po + j] * q * (u[uo + j] - dot);
      }
    }
  }
}
