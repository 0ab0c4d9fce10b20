package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Target;
import org.junit.jupiter.api.Test;

/** The output unit a core loss predicts with, and the probabilities it prints. */
class CoreLossHeadTest {

  @Test
  void everyLossHasItsNaturalOutputUnit() {
    assertThat(CoreLossHead.unitOf("sigmoid-focal")).isEqualTo(CoreLossHead.Unit.SIGMOID);
    assertThat(CoreLossHead.unitOf("rescaled-mse")).isEqualTo(CoreLossHead.Unit.IDENTITY);
    assertThat(CoreLossHead.unitOf("cosine")).isEqualTo(CoreLossHead.Unit.IDENTITY);
    assertThat(CoreLossHead.unitOf("sparsemax")).isEqualTo(CoreLossHead.Unit.SPARSEMAX);
    for (String name : new String[] {"poly1", "gce", "sce", "nce-rce", "nce-mae", "taylor-ce"}) {
      assertThat(CoreLossHead.unitOf(name)).as(name).isEqualTo(CoreLossHead.Unit.SOFTMAX);
    }
    assertThat(new CoreLossHead(Losses.create("sigmoid-focal"), 3).fastTextCode()).isEqualTo(4);
    assertThat(new CoreLossHead(Losses.create("sparsemax"), 3).fastTextCode()).isEqualTo(3);
  }

  /** B = I, so the scores are the hidden vector: [1.5, 1, 0.1, −2] has sparsemax [0.75, 0.25, 0, 0]. */
  @Test
  void sparsemaxPredictsSparseProbabilitiesRankedByScore() {
    int k = 4;
    float[] identity = new float[k * k];
    for (int j = 0; j < k; j++) {
      identity[j * k + j] = 1;
    }
    Model m = new Model(k, new float[k], identity);
    Workspace ws = new Workspace(k, k, 1);
    float[] h = {0.1f, 1.5f, -2f, 1f};
    System.arraycopy(h, 0, ws.hidden, 0, k);
    Predictions out = new Predictions(k);
    new CoreLossHead(Losses.create("sparsemax"), k).predict(m, ws, k, 0f, out);
    assertThat(out.size()).isEqualTo(4);
    int[] order = {1, 3, 0, 2};
    double[] p = {0.75, 0.25, 0, 0};
    for (int i = 0; i < k; i++) {
      assertThat(out.label(i)).isEqualTo(order[i]);
      assertThat((double) out.probability(i)).isCloseTo(p[i], offset(1e-7));
    }
    // a threshold above 0 keeps the support only
    System.arraycopy(h, 0, ws.hidden, 0, k);
    new CoreLossHead(Losses.create("sparsemax"), k).predict(m, ws, k, 0.1f, out);
    assertThat(out.size()).isEqualTo(2);
  }

  /**
   * Cross-entropy on a target distribution {@code t} written as a user writes a loss, against
   * {@link Loss} alone and in double: {@code Σ t_j (log Σ e^{s − max} − (s_j − max))}, gradient
   * {@code p·Σt − t}.
   */
  private static final class UserCrossEntropy implements Loss {
    @Override
    public String name() {
      return "user-cross-entropy";
    }

    @Override
    public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, s[so + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(s[so + j] - max);
      }
      double logSum = Math.log(sum);
      double mass = 0;
      double value = 0;
      for (int j = 0; j < k; j++) {
        double tj = t.value(row, j);
        value += tj * (logSum - (s[so + j] - max));
        mass += tj;
      }
      for (int j = 0; j < k; j++) {
        g[go + j] = Math.exp(s[so + j] - max) / sum * mass - t.value(row, j);
      }
      return value;
    }
  }

  /**
   * A loss that implements only the double {@code evaluate} trains through the head's float path as
   * its double path: the float scores widened, its value returned as it is, its gradient narrowed once,
   * and each output row moved by {@code −lr·g_j·h}; and it trains as the built-in cross-entropy does,
   * to float precision. A single label reaches it as a label, two labels as the row (½, ½).
   */
  @Test
  void aUserLossTrainsThroughItsDoublePath() {
    int k = 5;
    int dim = 3;
    float lr = 0.1f;
    float[] b = new float[k * dim];
    Rng r = new Rng(9);
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) (2 * r.nextDouble() - 1);
    }
    float[] h = {0.5f, -1.25f, 2f};
    Loss user = new UserCrossEntropy();
    for (int[] labels : new int[][] {{2}, {0, 3}}) {
      Model m = new Model(dim, new float[dim], b);
      float[] s = new float[k];
      Vectors.scores(m, h, k, s);
      double[] wide = new double[k];
      for (int j = 0; j < k; j++) {
        wide[j] = s[j];
      }
      double[] row = new double[k];
      for (int label : labels) {
        row[label] = 1.0 / labels.length;
      }
      Target t = labels.length == 1 ? Target.labels(labels[0]) : Target.dense(1, k, row);
      double[] g = new double[k];
      double expected = user.evaluate(wide, 0, k, t, 0, g, 0);

      Workspace ws = new Workspace(dim, k, 1);
      System.arraycopy(h, 0, ws.hidden, 0, dim);
      double value = new CoreLossHead(user, k).update(m, labels, 0, labels.length, lr, ws);
      assertThat(value).isEqualTo(expected);
      Model stepped = new Model(dim, new float[dim], b);
      float[] grad = new float[dim];
      for (int j = 0; j < k; j++) {
        assertThat(ws.scoreGrad[j]).isEqualTo((float) g[j]);
        Vectors.step(stepped.outputRow(j), h, grad, -lr * (float) g[j], dim);
      }
      assertThat(m.output()).containsExactly(stepped.output());
      assertThat(ws.grad).containsExactly(grad);

      Workspace builtIn = new Workspace(dim, k, 1);
      System.arraycopy(h, 0, builtIn.hidden, 0, dim);
      double fused = new CoreLossHead(Losses.create("cross-entropy"), k)
          .update(new Model(dim, new float[dim], b), labels, 0, labels.length, lr, builtIn);
      assertThat(value).isCloseTo(fused, offset(1e-6 * fused));
      for (int j = 0; j < k; j++) {
        assertThat(ws.scoreGrad[j]).isCloseTo(builtIn.scoreGrad[j], offset(1e-6f));
      }
    }
  }

  @Test
  void anUnknownLossSaysWhereProvidedLossesComeFrom() {
    Args args = Args.builder().loss("my-own-loss").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Heads.check(args))
        .hasMessageStartingWith("-loss my-own-loss: unknown loss 'my-own-loss'")
        .hasMessageContaining("softmax, ova, ns, hs")
        .hasMessageEndingWith("LOSSLAB_CLASSPATH=my-losses.jar for ./losslab)");
  }
}
