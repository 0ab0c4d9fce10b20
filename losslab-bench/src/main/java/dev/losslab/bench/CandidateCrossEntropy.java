package dev.losslab.bench;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Target;

/**
 * A candidate float kernel for {@code cross-entropy} with labels (no weights, no ignored labels), written
 * as a user-defined {@link Loss} so it runs through the same {@code LossEvaluation} float path as the
 * library's loss: the exp is {@code (T₆(x/1024))^1024} evaluated in the double scratch the float path
 * provides, made only of multiplies and adds so that C2 (JDK 17) vectorises it, instead of one scalar
 * {@code Math.exp} per element. Relative error of that exp: below 2.5e-8 for {@code x ∈ [−104, 0]}
 * (3e-13 above −20); below −104 it returns about e^−104 instead of a smaller number, which a float
 * probability cannot tell from 0 next to the row's maximum (whose term is 1).
 *
 * <p>Not library code: {@link CandidateBenchmark} measures it against the library's loop and checks it
 * agrees with it before timing. The double path delegates to the library.
 */
final class CandidateCrossEntropy implements Loss {
  private final Loss reference = Losses.create("cross-entropy");

  @Override
  public String name() {
    return "cross-entropy";
  }

  @Override
  public void validate(Target target, int n, int k) {
    reference.validate(target, n, k);
  }

  @Override
  public double evaluate(double[] s, int so, int k, Target target, int row, double[] g, int go) {
    return reference.evaluate(s, so, k, target, row, g, go);
  }

  @Override
  public double evaluate(float[] s, int so, int k, Target target, int row, float[] g, int go,
      double[] scratch) {
    int y = target.label(row);
    float max = s[so];
    for (int j = 1; j < k; j++) {
      max = Math.max(max, s[so + j]);
    }
    for (int j = 0; j < k; j++) {
      scratch[j] = s[so + j] - max; // float subtraction, then widening
    }
    for (int j = 0; j < k; j++) {
      scratch[j] = expNonPositive(scratch[j]);
    }
    // four partial sums: one chain of dependent additions would cost 4 cycles per element
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j4 = k & ~3;
    for (int j = 0; j < j4; j += 4) {
      s0 += scratch[j];
      s1 += scratch[j + 1];
      s2 += scratch[j + 2];
      s3 += scratch[j + 3];
    }
    for (int j = j4; j < k; j++) {
      s0 += scratch[j];
    }
    double sum = (s0 + s1) + (s2 + s3);
    double inv = 1.0 / sum;
    for (int j = 0; j < k; j++) {
      g[go + j] = (float) (scratch[j] * inv);
    }
    g[go + y] -= 1f;
    return Math.log(sum) - ((double) s[so + y] - max);
  }

  /** e^x for x ≤ 0: the degree-6 Taylor polynomial of e^(x/1024), squared ten times. */
  static double expNonPositive(double x) {
    double t = Math.max(x, -104.0) * (1.0 / 1024);
    double p = 1 + t * (1 + t * (0.5 + t * (1.0 / 6 + t * (1.0 / 24 + t * (1.0 / 120
        + t * (1.0 / 720))))));
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    return p;
  }
}
