package dev.losslab.formula;

/**
 * The primitives from a vector to a scalar: {@code sum}, {@code mean}, {@code max}, {@code min},
 * {@code norm}, {@code dot} and indexing {@code v[i]}. Sums run in index order, as the built-in
 * losses sum, so a formula spelling a built-in adds the same terms in the same order.
 */
final class ReductionOps {
  private ReductionOps() {}

  /** {@code y = Σ_j v_j}; {@code dv_j += dy}. */
  static final class Sum extends Op {
    Sum(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double sum = 0;
      for (int j = 0; j < w.k; j++) {
        sum += x[xo + j];
      }
      w.val[out][w.vo[out]] = sum;
    }

    @Override
    void backward(Workspace w) {
      double u = w.grad[out][w.go[out]];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0; j < w.k; j++) {
        gx[gxo + j] += u;
      }
    }
  }

  /** {@code y = (Σ_j v_j)/K}; {@code dv_j += dy/K}. */
  static final class Mean extends Op {
    Mean(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double sum = 0;
      for (int j = 0; j < w.k; j++) {
        sum += x[xo + j];
      }
      w.val[out][w.vo[out]] = sum / w.k;
    }

    @Override
    void backward(Workspace w) {
      double u = w.grad[out][w.go[out]] / w.k;
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0; j < w.k; j++) {
        gx[gxo + j] += u;
      }
    }
  }

  /**
   * {@code y = max_j v_j} (or {@code min_j}, NaN if any element is); the gradient goes to the first
   * element that attains it: at a tie, the kink, a subgradient. Caches that element's index.
   */
  static final class Extreme extends Op {
    private final boolean max;

    Extreme(Expr e, boolean max) {
      super(e);
      this.max = max;
    }

    @Override
    int cacheLength(int k) {
      return 1;
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      int at = 0;
      double best = x[xo];
      boolean nan = best != best;
      for (int j = 1; j < w.k; j++) {
        double v = x[xo + j];
        nan |= v != v;
        if (max ? v > best : v < best) {
          best = v;
          at = j;
        }
      }
      w.data[w.co[out]] = at;
      w.val[out][w.vo[out]] = nan ? Double.NaN : best;
    }

    @Override
    void backward(Workspace w) {
      int at = (int) w.data[w.co[out]];
      w.grad[a][w.go[a] + at] += w.grad[out][w.go[out]];
    }
  }

  /**
   * {@code y = ‖v‖ = √(Σ v_j²)}, rescaled by {@code max |v_j|} where the plain sum of squares would
   * overflow or lose precision to underflow; {@code dv_j += dy·v_j/y}, and 0 at {@code v = 0}, the
   * kink (a subgradient).
   */
  static final class Norm extends Op {
    Norm(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double squares = 0;
      for (int j = 0; j < w.k; j++) {
        double v = x[xo + j];
        squares += v * v;
      }
      double norm;
      if (squares >= Double.MIN_NORMAL * 0x1p53 && squares <= Double.MAX_VALUE) {
        norm = Math.sqrt(squares);
      } else {
        double scale = 0;
        for (int j = 0; j < w.k; j++) {
          scale = Math.max(scale, Math.abs(x[xo + j]));
        }
        double sum = 0;
        if (scale > 0 && scale <= Double.MAX_VALUE) {
          for (int j = 0; j < w.k; j++) {
            double v = x[xo + j] / scale;
            sum += v * v;
          }
        }
        norm = scale == 0 || squares != squares ? squares : scale * Math.sqrt(sum);
      }
      w.val[out][w.vo[out]] = norm;
    }

    @Override
    void backward(Workspace w) {
      double norm = w.val[out][w.vo[out]];
      if (norm == 0) {
        return;
      }
      double u = w.grad[out][w.go[out]];
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] gx = w.grad[a];
      int gxo = w.go[a];
      for (int j = 0; j < w.k; j++) {
        gx[gxo + j] += u * (x[xo + j] / norm);
      }
    }
  }

  /** {@code y = Σ_j a_j b_j}; {@code da_j += dy·b_j}, {@code db_j += dy·a_j}. */
  static final class Dot extends Op {
    Dot(Expr e) {
      super(e);
    }

    @Override
    void forward(Workspace w) {
      double[] x = w.val[a];
      int xo = w.vo[a];
      double[] z = w.val[b];
      int zo = w.vo[b];
      double sum = 0;
      for (int j = 0; j < w.k; j++) {
        sum += x[xo + j] * z[zo + j];
      }
      w.val[out][w.vo[out]] = sum;
    }

    @Override
    void backward(Workspace w) {
      double u = w.grad[out][w.go[out]];
      if (gradA) {
        double[] z = w.val[b];
        int zo = w.vo[b];
        double[] ga = w.grad[a];
        int gao = w.go[a];
        for (int j = 0; j < w.k; j++) {
          ga[gao + j] += u * z[zo + j];
        }
      }
      if (gradB) {
        double[] x = w.val[a];
        int xo = w.vo[a];
        double[] gb = w.grad[b];
        int gbo = w.go[b];
        for (int j = 0; j < w.k; j++) {
          gb[gbo + j] += u * x[xo + j];
        }
      }
    }

    @Override
    double[] arguments(Workspace w, int j) {
      return new double[0];
    }
  }

  /** {@code y = v_i}, {@code i} a constant or the label; {@code dv_i += dy}. */
  static final class Index extends Op {
    private final int index;

    Index(Expr e) {
      super(e);
      this.index = e.parameter;
    }

    @Override
    void forward(Workspace w) {
      int i = index == Expr.LABEL_INDEX ? w.label : index;
      w.val[out][w.vo[out]] = w.val[a][w.vo[a] + i];
    }

    @Override
    void backward(Workspace w) {
      int i = index == Expr.LABEL_INDEX ? w.label : index;
      w.grad[a][w.go[a] + i] += w.grad[out][w.go[out]];
    }
  }
}
