package dev.losslab.formula;

/**
 * The element-wise primitives of two arguments, {@code y = a ∘ b}, where a scalar broadcasts over a
 * vector (read with stride 0; its gradient sums over the elements). Each backward adds
 * {@code dy·∂y/∂a} to {@code a} and {@code dy·∂y/∂b} to {@code b}, for the inputs that vary.
 */
final class ArithmeticOps {
  private ArithmeticOps() {}

  /** {@code y = a + b}; {@code da += dy}, {@code db += dy}. */
  static final class Add extends Op {
    Add(Expr e) {
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
        y[yo + j] = x[xo + j * strideA] + z[zo + j * strideB];
      }
    }

    @Override
    void backward(Workspace w) {
      double[] u = w.grad[out];
      int uo = w.go[out];
      int n = width(w);
      if (gradA) {
        double[] ga = w.grad[a];
        int gao = w.go[a];
        for (int j = 0; j < n; j++) {
          ga[gao + j * strideA] += u[uo + j];
        }
      }
      if (gradB) {
        double[] gb = w.grad[b];
        int gbo = w.go[b];
        for (int j = 0; j < n; j++) {
          gb[gbo + j * strideB] += u[uo + j];
        }
      }
    }
  }

  /** {@code y = a − b}; {@code da += dy}, {@code db −= dy}. */
  static final class Sub extends Op {
    Sub(Expr e) {
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
        y[yo + j] = x[xo + j * strideA] - z[zo + j * strideB];
      }
    }

    @Override
    void backward(Workspace w) {
      double[] u = w.grad[out];
      int uo = w.go[out];
      int n = width(w);
      if (gradA) {
        double[] ga = w.grad[a];
        int gao = w.go[a];
        for (int j = 0; j < n; j++) {
          ga[gao + j * strideA] += u[uo + j];
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

  /** {@code y = a·b}; {@code da += dy·b}, {@code db += dy·a}. */
  static final class Mul extends Op {
    Mul(Expr e) {
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
        y[yo + j] = x[xo + j * strideA] * z[zo + j * strideB];
      }
    }

    @Override
    void backward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] z = w.val[b];
      int zo = w.vo[b];
      double[] u = w.grad[out];
      int uo = w.go[out];
      int n = width(w);
      if (gradA) {
        double[] ga = w.grad[a];
        int gao = w.go[a];
        for (int j = 0; j < n; j++) {
          ga[gao + j * strideA] += u[uo + j] * z[zo + j * strideB];
        }
      }
      if (gradB) {
        double[] gb = w.grad[b];
        int gbo = w.go[b];
        for (int j = 0; j < n; j++) {
          gb[gbo + j * strideB] += u[uo + j] * x[xo + j * strideA];
        }
      }
    }
  }

  /** {@code y = a/b}; {@code da += dy/b}, {@code db −= dy·y/b}. Infinite or NaN where b = 0. */
  static final class Div extends Op {
    Div(Expr e) {
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
        y[yo + j] = x[xo + j * strideA] / z[zo + j * strideB];
      }
    }

    @Override
    void backward(Workspace w) {
      double[] z = w.val[b];
      int zo = w.vo[b];
      double[] y = w.val[out];
      int yo = w.vo[out];
      double[] u = w.grad[out];
      int uo = w.go[out];
      int n = width(w);
      if (gradA) {
        double[] ga = w.grad[a];
        int gao = w.go[a];
        for (int j = 0; j < n; j++) {
          ga[gao + j * strideA] += u[uo + j] / z[zo + j * strideB];
        }
      }
      if (gradB) {
        double[] gb = w.grad[b];
        int gbo = w.go[b];
        for (int j = 0; j < n; j++) {
          gb[gbo + j * strideB] -= u[uo + j] * y[yo + j] / z[zo + j * strideB];
        }
      }
    }
  }

  /**
   * {@code y = min(a, b)} (NaN if either is); the gradient goes to {@code a} where {@code a ≤ b}, else
   * to {@code b}: at a tie, the kink, all of it to {@code a}, a subgradient.
   */
  static final class Min extends Op {
    Min(Expr e) {
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
        y[yo + j] = Math.min(x[xo + j * strideA], z[zo + j * strideB]);
      }
    }

    @Override
    void backward(Workspace w) {
      choose(w, this, true);
    }
  }

  /**
   * {@code y = max(a, b)} (NaN if either is); the gradient goes to {@code a} where {@code a ≥ b}, else
   * to {@code b} (at a tie, all to {@code a}, a subgradient).
   */
  static final class Max extends Op {
    Max(Expr e) {
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
        y[yo + j] = Math.max(x[xo + j * strideA], z[zo + j * strideB]);
      }
    }

    @Override
    void backward(Workspace w) {
      choose(w, this, false);
    }
  }

  /** The backward of min and max: each element's gradient to the argument that was chosen. */
  private static void choose(Workspace w, Op op, boolean min) {
    double[] x = w.val[op.a];
    int xo = w.vo[op.a];
    double[] z = w.val[op.b];
    int zo = w.vo[op.b];
    double[] u = w.grad[op.out];
    int uo = w.go[op.out];
    for (int j = 0, n = op.width(w); j < n; j++) {
      double p = x[xo + j * op.strideA];
      double q = z[zo + j * op.strideB];
      boolean first = min ? p <= q : p >= q;
      if (first && op.gradA) {
        w.grad[op.a][w.go[op.a] + j * op.strideA] += u[uo + j];
      } else if (!first && op.gradB) {
        w.grad[op.b][w.go[op.b] + j * op.strideB] += u[uo + j];
      }
    }
  }
}
