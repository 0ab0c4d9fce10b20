package dev.losslab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NetworkProperties {

  /** Each row's scores depend on that row alone: a batch gives exactly the rows' one-by-one scores. */
  @Property(tries = 60)
  void batchScoresAreTheRowsScores(@ForAll @IntRange(min = 1, max = 9) int inputs,
      @ForAll @IntRange(min = 1, max = 40) int rows, @ForAll long seed) {
    Network net = Network.builder(inputs).dense(5, "relu").dense(3, "tanh").output(4).build(seed);
    float[] x = Fixtures.features(rows, inputs, seed);
    for (int e = 0; e < x.length; e += 3) {
      x[e] = 0f; // exercise the skipped-zero paths
    }
    double[] batch = net.scores(x, rows);
    for (int r = 0; r < rows; r++) {
      double[] one = net.scores(Arrays.copyOfRange(x, r * inputs, (r + 1) * inputs), 1);
      assertThat(Arrays.copyOfRange(batch, r * 4, r * 4 + 4)).containsExactly(one);
    }
  }

  /** The backward pass accumulates: two passes into one buffer give twice one pass (up to rounding). */
  @Property(tries = 40)
  void backwardAccumulatesIntoTheGradient(@ForAll @IntRange(min = 1, max = 12) int rows,
      @ForAll long seed) {
    Network net = Network.builder(6).dense(4, "sigmoid").output(3).build(seed);
    float[] xf = Fixtures.features(rows, 6, seed);
    double[] x = new double[xf.length];
    for (int e = 0; e < x.length; e++) {
      x[e] = xf[e];
    }
    Workspace ws = net.workspace(rows);
    double[] once = new double[net.parameterCount()];
    double[] twice = new double[net.parameterCount()];
    for (int pass = 0; pass < 2; pass++) {
      net.forward(ws, x, rows);
      Arrays.fill(ws.scoreGradient(), 0, rows * 3, 0.25);
      net.backward(ws, twice);
    }
    net.forward(ws, x, rows);
    Arrays.fill(ws.scoreGradient(), 0, rows * 3, 0.25);
    net.backward(ws, once);
    for (int e = 0; e < once.length; e++) {
      // equal up to rounding: the second pass adds its terms to a non-zero sum
      assertThat(twice[e]).isCloseTo(2 * once[e],
          org.assertj.core.data.Offset.offset(1e-14 + 1e-13 * Math.abs(once[e])));
    }
  }
}
