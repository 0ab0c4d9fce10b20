package dev.losslab.formula;

/**
 * The element-wise primitives of one argument: each value {@code y = f(x)} beside its backward
 * {@code dx += dy · f'(x)}, applied to every element of a vector or to a scalar. Where the backward
 * needs {@code f(x)} it reads the node's own value, which the forward left in place.
 */
final class ElementwiseOps {
  private ElementwiseOps() {}

  /** {@code y = −x}; {@code dx += −dy}. */
  static final class Neg extends Op {
    Neg(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = -x[xo + j];
      }
    }

    @Override
    void backward(Workspace w) {
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        gx[gxo + j] -= u[uo + j];
      }
    }
  }

  /** {@code y = x} (a formula that is a bare name); {@code dx += dy}. */
  static final class Copy extends Op {
    Copy(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      System.arraycopy(w.val[a], w.vo[a], w.val[out], w.vo[out], width(w));
    }

    @Override
    void backward(Workspace w) {
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        gx[gxo + j] += u[uo + j];
      }
    }
  }

  /** {@code y = e^x}; {@code dx += dy·y}. Overflows to {@code +∞} above x ≈ 709.78. */
  static final class Exp extends Op {
    Exp(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.exp(x[xo + j]);
      }
    }

    @Override
    void backward(Workspace w) {
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        gx[gxo + j] += u[uo + j] * y[yo + j];
      }
    }
  }

  /** {@code y = log x}; {@code dx += dy/x}. NaN below 0, {@code −∞} at 0. */
  static final class Log extends Op {
    Log(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.log(x[xo + j]);
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
        gx[gxo + j] += u[uo + j] / x[xo + j];
      }
    }
  }

  /** {@code y = log(1 + x)}, exact for tiny x; {@code dx += dy/(1 + x)}. */
  static final class Log1p extends Op {
    Log1p(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.log1p(x[xo + j]);
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
        gx[gxo + j] += u[uo + j] / (1 + x[xo + j]);
      }
    }
  }

  /**
   * {@code y = e^x − 1}, exact for tiny x; {@code dx += dy·e^x}, with {@code e^x} taken as {@code y + 1}
   * where that is accurate ({@code y > −½}) and recomputed below, where {@code y + 1} would cancel.
   */
  static final class Expm1 extends Op {
    Expm1(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.expm1(x[xo + j]);
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
        double v = y[yo + j];
        gx[gxo + j] += u[uo + j] * (v > -0.5 ? v + 1 : Math.exp(x[xo + j]));
      }
    }
  }

  /** {@code y = √x}; {@code dx += dy·½/y}: infinite at 0, NaN below. */
  static final class Sqrt extends Op {
    Sqrt(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.sqrt(x[xo + j]);
      }
    }

    @Override
    void backward(Workspace w) {
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0, n = width(w); j < n; j++) {
        gx[gxo + j] += u[uo + j] * (0.5 / y[yo + j]);
      }
    }
  }

  /** {@code y = |x|}; {@code dx += dy·sign(x)}, 0 at the kink x = 0 (a subgradient). */
  static final class Abs extends Op {
    Abs(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.abs(x[xo + j]);
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
        gx[gxo + j] += u[uo + j] * Math.signum(x[xo + j]);
      }
    }
  }

  /** {@code y = max(x, 0)}; {@code dx += dy} where x > 0, else 0 (0 at the kink). */
  static final class Relu extends Op {
    Relu(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] y = w.val[out];
      int yo = w.vo[out];
      for (int j = 0, n = width(w); j < n; j++) {
        y[yo + j] = Math.max(x[xo + j], 0.0);
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
        if (x[xo + j] > 0) {
          gx[gxo + j] += u[uo + j];
        }
      }
    }
  }
}
