package dev.losslab.formula;

/**
 * The smooth saturating primitives, computed as {@link dev.losslab.math.Stable} computes them, from
 * {@code e = e^{−|x|} ∈ (0, 1]}, which never overflows: {@code σ(x) = 1/(1 + e)} for {@code x ≥ 0} and
 * {@code e/(1 + e)} below (so {@code σ(−x)} keeps its precision where {@code σ(x) ≈ 1}), and
 * {@code softplus(x) = max(x, 0) + log1p(e)}. The forward caches {@code e}, so the backward takes no
 * exponential.
 */
final class LogisticOps {
  private LogisticOps() {}

  /** {@code σ(x)} from {@code e = e^{−|x|}}: bit for bit {@link dev.losslab.math.Stable#sigmoid}. */
  static double sigmoid(double x, double e) {
    return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  }

  /** {@code y = σ(x)}; {@code dx += dy·σ(x)σ(−x) = dy·e/(1 + e)²}. */
  static final class Sigmoid extends Op {
    Sigmoid(Expr e) {
      super(e);
    }

    @Override
    int cacheLength(int k) {
      return vector ? k : 1;
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] c = w.data;
      int co = w.co[out];
      for (int j = 0, n = width(w); j < n; j++) {
        double v = x[xo + j];
        double e = Math.exp(-Math.abs(v));
        c[co + j] = e;
        y[yo + j] = sigmoid(v, e);
      }
    }

    @Override
    void backward(Workspace w) {
      double[] c = w.data;
      int co = w.co[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        double e = c[co + j];
        double d = 1.0 + e;
        gx[gxo + j] += u[uo + j] * (e / (d * d));
      }
    }
  }

  /**
   * {@code y = softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^{−|x|})}, finite for every finite x;
   * {@code dx += dy·σ(x)}.
   */
  static final class Softplus extends Op {
    Softplus(Expr e) {
      super(e);
    }

    @Override
    int cacheLength(int k) {
      return vector ? k : 1;
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] c = w.data;
      int co = w.co[out];
      for (int j = 0, n = width(w); j < n; j++) {
        double v = x[xo + j];
        double e = Math.exp(-Math.abs(v));
        c[co + j] = e;
        y[yo + j] = Math.max(v, 0.0) + Math.log1p(e);
      }
    }

    @Override
    void backward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] c = w.data;
      int co = w.co[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        gx[gxo + j] += u[uo + j] * sigmoid(x[xo + j], c[co + j]);
      }
    }
  }

  /**
   * {@code y = tanh x}; {@code dx += dy·(1 − y²)}, taken as {@code (1 − y)(1 + y)} for {@code |x| < ½}
   * and as {@code 4e/(1 + e)²}, {@code e = e^{−2|x|}}, beyond, where {@code 1 − y²} would cancel
   * (it is 0 in double for {@code |x| > 19}, while the true derivative is {@code ≈ 4e^{−2|x|}}).
   */
  static final class Tanh extends Op {
    Tanh(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.tanh(x[xo + j]);
      }
    }

    @Override
    void backward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        double v = x[xo + j];
        double d;
        if (Math.abs(v) < 0.5) {
          double t = y[yo + j];
          d = (1 - t) * (1 + t);
        } else {
          double e = Math.exp(-2 * Math.abs(v));
          double s = 1 + e;
          d = 4 * e / (s * s);
        }
        gx[gxo + j] += u[uo + j] * d;
      }
    }
  }
}
