package dev.losslab.text;

/**
 * fastText's sigmoid lookup table (loss.cc:16-17, 31-35, 52-62): 513 values over {@code [−8, 8]},
 * 0 below −8 and 1 above 8. Used only where fastText uses it for prediction ({@code ova} and {@code ns}
 * probabilities), so that a fastText model predicts the same probabilities here; training uses the
 * exact sigmoid, saturated outside ±8 as this table is ({@link Head#saturatedSigmoid}).
 */
final class SigmoidTable {
  private SigmoidTable() {}

  static final int SIZE = 512;
  static final int MAX = 8;
  private static final float[] TABLE = new float[SIZE + 1];

  static {
    for (int i = 0; i <= SIZE; i++) {
      float x = (float) (i * 2 * MAX) / SIZE - MAX;
      TABLE[i] = (float) (1.0 / (1.0 + (float) Math.exp(-x)));
    }
  }

  static float sigmoid(float x) {
    if (x < -MAX) {
      return 0f;
    }
    if (x > MAX) {
      return 1f;
    }
    return TABLE[(int) ((x + MAX) * SIZE / MAX / 2)];
  }
}
