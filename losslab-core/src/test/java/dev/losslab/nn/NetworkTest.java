package dev.losslab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.unit.Activation;
import dev.losslab.unit.Units;
import org.junit.jupiter.api.Test;

class NetworkTest {

  /** The plain definition {@code y_j = f(b_j + Σ_i w_ij x_i)}, one unit at a time. */
  private static double[] reference(Network net, float[] x, int rows) {
    double[] out = null;
    double[] in = new double[x.length];
    for (int e = 0; e < x.length; e++) {
      in[e] = x[e];
    }
    int width = net.inputs();
    for (DenseLayer layer : net.layers()) {
      out = new double[rows * layer.outputs()];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < layer.outputs(); j++) {
          double z = net.parameters()[layer.biasOffset() + j];
          for (int i = 0; i < width; i++) {
            z += net.parameters()[layer.weightIndex(i, j)] * in[r * width + i];
          }
          Activation f = layer.activation();
          out[r * layer.outputs() + j] = f == null ? z : f.value(z);
        }
      }
      in = out;
      width = layer.outputs();
    }
    return out;
  }

  @Test
  void batchedForwardMatchesThePlainDefinition() {
    Network net = Network.builder(7).dense(5, "tanh").dense(4, "relu").output(3).build(3);
    float[] x = Fixtures.features(9, 7, 11);
    x[3] = 0f; // zero inputs take the sparse path: some zeros in a block of four inputs,
    x[10] = 0f;
    for (int c = 0; c < 4; c++) {
      x[2 * 7 + c] = 0f; // and a whole block of four
    }
    double[] fast = net.scores(x, 9);
    double[] plain = reference(net, x, 9);
    for (int e = 0; e < plain.length; e++) {
      assertThat(fast[e]).isCloseTo(plain[e], org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void sameSeedSameNetworkOtherSeedOtherNetwork() {
    Network a = Network.builder(6).dense(4, "relu").output(2).build(5);
    Network b = Network.builder(6).dense(4, "relu").output(2).build(5);
    Network c = Network.builder(6).dense(4, "relu").output(2).build(6);
    assertThat(a.parameters()).containsExactly(b.parameters());
    assertThat(a.parameters()).isNotEqualTo(c.parameters());
  }

  @Test
  void shapeAndParameterLayout() {
    Network net = Network.builder(784).dense(128, "relu").output(10).build(1);
    assertThat(net.describe()).isEqualTo("784-128(relu)-10");
    assertThat(net.parameterCount()).isEqualTo(784 * 128 + 128 + 128 * 10 + 10);
    DenseLayer out = net.layers().get(1);
    assertThat(out.weightOffset()).isEqualTo(784 * 128 + 128);
    assertThat(out.weightIndex(2, 3)).isEqualTo(out.weightOffset() + 2 * 10 + 3);
    assertThat(out.activation()).isNull();
    // biases start at zero; weights within the Glorot/He limit
    double limit = Math.sqrt(2) * Math.sqrt(6.0 / (784 + 128));
    DenseLayer hidden = net.layers().get(0);
    for (int e = hidden.weightOffset(); e < hidden.biasOffset(); e++) {
      assertThat(Math.abs(net.parameters()[e])).isLessThanOrEqualTo(limit);
    }
    for (int e = hidden.biasOffset(); e < hidden.biasOffset() + 128; e++) {
      assertThat(net.parameters()[e]).isZero();
    }
  }

  @Test
  void copyIsIndependent() {
    Network net = Network.builder(3).dense(2, "sigmoid").output(2).build(1);
    Network copy = net.copy();
    copy.parameters()[0] += 1;
    assertThat(net.parameters()[0]).isNotEqualTo(copy.parameters()[0]);
  }

  @Test
  void weightDecayTermsCoverWeightsButNotBiases() {
    Network net = Network.builder(2).dense(2, "identity").output(1).build(1);
    double[] p = net.parameters();
    java.util.Arrays.fill(p, 2.0);
    // weights: 2·2 + 2·1 = 6 of them, biases: 3
    assertThat(net.weightSquaredNorm()).isEqualTo(6 * 4.0);
    double[] g = new double[p.length];
    net.addWeightDecayGradient(0.5, g);
    DenseLayer first = net.layers().get(0);
    assertThat(g[first.weightOffset()]).isEqualTo(1.0);
    assertThat(g[first.biasOffset()]).isZero();
  }

  @Test
  void predictTakesTheArgmaxAndFirstOnTies() {
    assertThat(Network.argmax(new double[] {1, 3, 3, 2}, 0, 4)).isEqualTo(1);
    assertThat(Network.argmax(new double[] {9, 1, 5}, 1, 2)).isEqualTo(1);
  }

  @Test
  void badShapesAreRejectedWithTheirValues() {
    assertThatThrownBy(() -> Network.builder(0)).hasMessageContaining("inputs (0)");
    assertThatThrownBy(() -> Network.builder(3).dense(0, "relu")).hasMessageContaining("units (0)");
    assertThatThrownBy(() -> Network.builder(3).dense(2, "no-such")).hasMessageContaining("no-such");
    Network net = Network.builder(3).output(2).build(1);
    Workspace ws = net.workspace(2);
    assertThatThrownBy(() -> net.forward(ws, new double[9], 3)).hasMessageContaining("capacity 2");
    assertThatThrownBy(() -> net.forward(ws, new double[5], 2)).hasMessageContaining("input has 5");
    assertThatThrownBy(() -> net.setParameters(new double[2])).hasMessageContaining("2 values");
    assertThat(Units.activationNames()).contains("relu");
  }
}
