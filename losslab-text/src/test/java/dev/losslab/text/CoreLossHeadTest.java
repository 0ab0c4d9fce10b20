package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.losslab.loss.Losses;
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

  @Test
  void anUnknownLossSaysWhereProvidedLossesComeFrom() {
    Args args = Args.builder().loss("my-own-loss").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Heads.check(args))
        .hasMessageStartingWith("-loss my-own-loss: unknown loss 'my-own-loss'")
        .hasMessageContaining("softmax, ova, ns, hs")
        .hasMessageEndingWith("LOSSLAB_CLASSPATH=my-losses.jar for ./losslab)");
  }
}
