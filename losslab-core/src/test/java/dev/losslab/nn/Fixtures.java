package dev.losslab.nn;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;
import dev.losslab.train.Examples;
import java.util.SplittableRandom;

/** Small random data for network tests, made here from a seed. */
public final class Fixtures {
  private Fixtures() {}

  /** {@code n × d} features in [-1, 1]. */
  public static float[] features(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * d];
    for (int e = 0; e < x.length; e++) {
      x[e] = (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }

  /**
   * Examples the loss accepts: class labels if it takes them, otherwise random probability rows (which
   * also suit the regression losses).
   */
  public static Examples examplesFor(Loss loss, int n, int d, int k, long seed) {
    float[] x = features(n, d, seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(k);
    }
    try {
      loss.validate(Target.labels(labels), n, k);
      return Examples.labelled(x, n, d, labels);
    } catch (IllegalArgumentException needsDense) {
      double[] t = new double[n * k];
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
          t[i * k + j] = 0.05 + random.nextDouble();
          sum += t[i * k + j];
        }
        for (int j = 0; j < k; j++) {
          t[i * k + j] /= sum;
        }
      }
      return Examples.dense(x, n, d, t, k);
    }
  }
}
