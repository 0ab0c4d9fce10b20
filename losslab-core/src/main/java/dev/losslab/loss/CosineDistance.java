package dev.losslab.loss;

import java.util.Arrays;

/**
 * {@code cosine}: the cosine distance {@code L = 1 − ⟨s, t⟩/(‖s‖·‖t‖)} between the scores and a target
 * row (optax {@code cosine_distance}), in [0, 2]: 0 when {@code s} points along {@code t}, whatever its
 * length. Gradient, with {@code ŝ = s/‖s‖}, {@code t̂ = t/‖t‖} and {@code c = ⟨ŝ, t̂⟩}:
 * {@code ∂L/∂s = (c·ŝ − t̂)/‖s‖}, orthogonal to {@code s} (the loss does not change along {@code s}).
 *
 * <p>Computed without overflow or cancellation: each row is divided by its largest |entry| before its
 * norm is taken (no square overflows, at 1e200 or at 1e−200); the value is {@code ½‖ŝ − t̂‖²}, equal to
 * {@code 1 − c} for unit vectors but exact for nearly parallel rows, where {@code 1 − c} would round to
 * 0; the gradient is {@code −(d + L·ŝ)/‖s‖} with {@code d = t̂ − ŝ}, the same vector with the same
 * precision.
 *
 * <p>At a zero score row the cosine is undefined (and the loss not continuous); this loss takes the
 * cosine there as 0, the value 1 that is its mean over all directions, and the gradient {@code −t̂}, the
 * direction in which every step reaches the minimum: a model whose outputs start at zero (the text
 * classifier's {@code B}) moves towards the target instead of staying stuck. The gradient grows as
 * {@code 1/‖s‖}: for rows with {@code ‖s‖} below about {@code 1e−308} its entries exceed the double range
 * and come out as {@code ±∞}, never NaN. A zero target row is rejected by {@link #validate}; evaluated
 * without it, it gives value 1 and gradient 0. Smooth elsewhere.
 *
 * <p>Targets: dense rows of finite values, not all zero. {@code mean} divides by the number of examples.
 * Expected output unit: identity (raw scores).
 */
public final class CosineDistance implements Loss {

  @Override
  public String name() {
    return "cosine";
  }

  @Override
  public void validate(Target target, int n, int k) {
    Targets.requireDense(name(), target, n, k);
    Targets.requireFinite(target, n, k);
    double[] v = target.values();
    for (int i = 0; i < n; i++) {
      boolean zero = true;
      for (int j = 0; j < k && zero; j++) {
        zero = v[i * k + j] == 0;
      }
      if (zero) {
        throw new IllegalArgumentException("target of example " + i
            + " is a zero row: the cosine distance needs a target with a direction");
      }
    }
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
    double[] v = t.values();
    int to = t.offset(row);
    double a = 0;
    double b = 0;
    for (int j = 0; j < k; j++) {
      a = Math.max(a, Math.abs(s[so + j]));
      b = Math.max(b, Math.abs(v[to + j]));
    }
    if (b == 0) {
      Arrays.fill(g, go, go + k, 0.0);
      return 1.0;
    }
    double tt = 0;
    double ss = 0;
    for (int j = 0; j < k; j++) {
      double tj = v[to + j] / b;
      tt += tj * tj;
      if (a > 0) {
        double sj = s[so + j] / a;
        ss += sj * sj;
      }
    }
    double nt = Math.sqrt(tt);
    if (a == 0) {
      for (int j = 0; j < k; j++) {
        g[go + j] = -(v[to + j] / b) / nt;
      }
      return 1.0;
    }
    double ns = Math.sqrt(ss);
    double value = 0;
    for (int j = 0; j < k; j++) {
      double d = (v[to + j] / b) / nt - (s[so + j] / a) / ns;
      value += d * d;
    }
    value *= 0.5;
    double norm = a * ns; // ‖s‖, ≥ a: no underflow
    for (int j = 0; j < k; j++) {
      double unit = (s[so + j] / a) / ns;
      double d = (v[to + j] / b) / nt - unit;
      g[go + j] = -(d + value * unit) / norm;
    }
    return value;
  }

  @Override
  public String toString() {
    return name();
  }
}
