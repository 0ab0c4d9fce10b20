package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void scoresOfAllOutputRowsMatchOneDotProductPerRow() {
    Random r = new Random(5);
    for (int dim : new int[] {1, 2, 3, 7, 100}) {
      for (int k = 1; k <= 9; k++) {
        float[] b = new float[k * dim];
        for (int i = 0; i < b.length; i++) {
          b[i] = (float) r.nextGaussian();
        }
        Model m = new Model(dim, new float[dim], b);
        float[] h = new float[dim];
        for (int i = 0; i < dim; i++) {
          h[i] = (float) r.nextGaussian();
        }
        float[] out = new float[k + 1];
        out[k] = 42f;
        Vectors.scores(m, h, k, out);
        for (int j = 0; j < k; j++) {
          double expected = 0;
          for (int i = 0; i < dim; i++) {
            expected += (double) b[j * dim + i] * h[i];
          }
          assertThat(out[j]).as("dim %d, k %d, row %d", dim, k, j)
              .isCloseTo((float) expected, within(1e-4f * (float) Math.sqrt(dim)));
        }
        assertThat(out[k]).as("past the k rows").isEqualTo(42f);
      }
    }
  }
}
