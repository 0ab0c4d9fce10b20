package dev.losslab.formula;

/**
 * Powers and the shifted exponential: {@code x^n} for a whole constant {@code n} by multiplication,
 * {@code x^c} for any other constant, {@code a^b} for a varying exponent, and {@code e^a − b} taken as
 * {@code expm1(a)} wherever {@code b = 1}.
 */
final class PowerOps {
  private PowerOps() {}

  /** The largest exponent {@code x^n} computes by multiplication. */
  static final int MAX_WHOLE_EXPONENT = 64;

  /** {@code x^n} by binary powering ({@code n ≥ 0}): {@code x·x} for 2, {@code x·x²} for 3. */
  static double powWhole(double x, int n) {
    double result = 1.0;
    double base = x;
    int m = n;
    while (m > 0) {
      if ((m & 1) != 0) {
        result *= base;
      }
      m >>= 1;
      if (m > 0) {
        base *= base;
      }
    }
    return result;
  }

  /**
   * {@code y = x^n}, {@code n} a whole constant in {@code [0, 64]}, by multiplication (so
   * {@code (s − y)^2} is {@code d·d}, as {@code mse} computes it); {@code dx += dy·n·x^{n−1}}.
   */
  static final class PowWhole extends Op {
    private final int n;

    PowWhole(Expr e) {
      super(e);
      this.n = e.parameter;
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      int width = width(w);
      if (n == 2) {
        for (int j = 0; j < width; j++) {
          double v = x[xo + j];
          y[yo + j] = v * v;
        }
      } else {
        for (int j = 0; j < width; j++) {
          y[yo + j] = powWhole(x[xo + j], n);
        }
      }
    }

    @Override
    void backward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      int width = width(w);
      if (n == 2) {
        for (int j = 0; j < width; j++) {
          gx[gxo + j] += u[uo + j] * (2 * x[xo + j]);
        }
      } else if (n > 0) {
        for (int j = 0; j < width; j++) {
          gx[gxo + j] += u[uo + j] * (n * powWhole(x[xo + j], n - 1));
        }
      }
    }
  }

  /**
   * {@code y = x^c}, {@code c} a constant that is not a whole number in [0, 64], by {@link Math#pow};
   * {@code dx += dy·c·x^{c−1}}. NaN for {@code x < 0} unless c is whole; the derivative is infinite
   * at {@code x = 0} for {@code c < 1}.
   */
  static final class PowConstant extends Op {
    private final double c;

    PowConstant(Expr e) {
      super(e);
      this.c = e.number;
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.pow(x[xo + j], c);
      }
    }

    @Override
    void backward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        gx[gxo + j] += u[uo + j] * (c * Math.pow(x[xo + j], c - 1));
      }
    }
  }

  /**
   * {@code y = a^b} with a varying exponent; {@code da += dy·b·a^{b−1}} (0 where {@code b = 0}),
   * {@code db += dy·y·log a} (0 where {@code y = 0}: {@code 0^b} is flat in b; NaN for {@code a < 0}).
   */
  static final class Pow extends Op {
    Pow(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] z = w.val[b];
      int zo = w.vo[b];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.pow(x[xo + j * strideA], z[zo + j * strideB]);
      }
    }

    @Override
    void backward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] z = w.val[b];
      int zo = w.vo[b];
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      for (int j = 0, n = width(w); j < n; j++) {
        double base = x[xo + j * strideA];
        double exponent = z[zo + j * strideB];
        double v = y[yo + j];
        if (gradA && exponent != 0) {
          w.grad[a][w.go[a] + j * strideA] += u[uo + j] * (exponent * Math.pow(base, exponent - 1));
        }
        if (gradB && v != 0) {
          w.grad[b][w.go[b] + j * strideB] += u[uo + j] * (v * Math.log(base));
        }
      }
    }
  }

  /**
   * {@code y = e^a − b}, taken as {@code expm1(a)} where {@code b = 1} (what {@code exp-mse} does for a
   * one-hot target: near its optimum {@code e^a − 1} would keep only the absolute precision of 1);
   * caches {@code e^a}; {@code da += dy·e^a}, {@code db −= dy}.
   */
  static final class ExpMinus extends Op {
    ExpMinus(Expr e) {
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
      double[] z = w.val[b];
      int zo = w.vo[b];
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] c = w.data;
      int co = w.co[out];
      for (int j = 0, n = width(w); j < n; j++) {
        double v = x[xo + j * strideA];
        double t = z[zo + j * strideB];
        double e = Math.exp(v);
        c[co + j] = e;
        y[yo + j] = t == 1 ? Math.expm1(v) : e - t;
      }
    }

    @Override
    void backward(Workspace w) {
      double[] c = w.data;
      int co = w.co[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      int n = width(w);
      if (gradA) {
        double[] ga = w.grad[a];
        int gao = w.go[a];
        for (int j = 0; j < n; j++) {
          ga[gao + j * strideA] += u[uo + j] * c[co + j];
        }
      }
      if (gradB) {
        double[] gb = w.grad[b];
        int gbo = w.go[b];
        for (int j = 0; j < n; j++) {
          gb[gbo + j * strideB] -= u[uo + j];
        }
      }
    }
  }
}
