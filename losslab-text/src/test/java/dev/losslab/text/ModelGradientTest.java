package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.loss.Losses;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SGD step of {@code s = B·A·x} is exactly {@code −lr} times the gradient of the head's loss
 * (seed 003: {@code ∂L/∂B_j = (∂L/∂s_j)·h}, {@code ∂L/∂A_i = (count_i/N)·Bᵀ∂L/∂s}): the change made by
 * one step with lr 1e-3 is compared with central differences of the loss, entry by entry.
 */
class ModelGradientTest {
  static final int DIM = 3;
  static final int K = 4;
  static final int ROWS = 6;
  static final int[] IDS = {0, 2, 2, 5}; // row 2 twice: it gets the gradient twice

  static Stream<Arguments> heads() {
    long[] counts = {5, 3, 2, 1};
    return Stream.of(
        Arguments.of("softmax", (Supplier<Head>) SoftmaxHead::new, new int[] {1}),
        Arguments.of("ova", (Supplier<Head>) OneVsAllHead::new, new int[] {1, 3}),
        Arguments.of("hs", (Supplier<Head>) () -> new HierarchicalSoftmaxHead(counts), new int[] {2}),
        Arguments.of("cross-entropy", (Supplier<Head>) () -> new CoreLossHead(Losses.create("cross-entropy"), K), new int[] {1}),
        Arguments.of("cross-entropy smoothed multi-label", (Supplier<Head>) () -> new CoreLossHead(
            Losses.create("cross-entropy", Map.of("labelSmoothing", 0.1)), K), new int[] {0, 3}),
        Arguments.of("mse", (Supplier<Head>) () -> new CoreLossHead(Losses.create("mse"), K), new int[] {2}),
        Arguments.of("binary-cross-entropy multi-label", (Supplier<Head>) () -> new CoreLossHead(
            Losses.create("binary-cross-entropy"), K), new int[] {0, 2}),
        Arguments.of("gce", (Supplier<Head>) () -> new CoreLossHead(
            Losses.create("gce", Map.of("q", 0.5)), K), new int[] {3}),
        Arguments.of("sparsemax", (Supplier<Head>) () -> new CoreLossHead(Losses.create("sparsemax"), K),
            new int[] {1}),
        Arguments.of("nce-rce", (Supplier<Head>) () -> new CoreLossHead(Losses.create("nce-rce"), K),
            new int[] {2}),
        Arguments.of("cosine multi-label", (Supplier<Head>) () -> new CoreLossHead(
            Losses.create("cosine"), K), new int[] {0, 3}),
        Arguments.of("sigmoid-focal multi-label", (Supplier<Head>) () -> new CoreLossHead(
            Losses.create("sigmoid-focal"), K), new int[] {1, 2}));
  }

  private static Model model() {
    Rng r = new Rng(3);
    float[] a = new float[ROWS * DIM];
    float[] b = new float[K * DIM];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (r.nextDouble() - 0.5);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) (r.nextDouble() - 0.5);
    }
    return new Model(DIM, a, b);
  }

  private static double loss(Model m, Head head, int[] labels) {
    Workspace ws = new Workspace(DIM, K, 1);
    float[] a0 = m.input().clone();
    float[] b0 = m.output().clone();
    double v = m.update(IDS, 0, IDS.length, labels, 0, labels.length, 0f, head, ws);
    assertThat(m.input()).containsExactly(a0);
    assertThat(m.output()).containsExactly(b0);
    return v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("heads")
  void stepIsMinusLrTimesTheGradient(String name, Supplier<Head> make, int[] labels) {
    Head head = make.get();
    Model m = model();
    float lr = 1e-3f;
    float[] a0 = m.input().clone();
    float[] b0 = m.output().clone();
    m.update(IDS, 0, IDS.length, labels, 0, labels.length, lr, head, new Workspace(DIM, K, 1));
    float[] a1 = m.input().clone();
    float[] b1 = m.output().clone();
    check(a0, a1, b0, b1, lr, head, labels, true);
    check(a0, a1, b0, b1, lr, head, labels, false);
  }

  private void check(float[] a0, float[] a1, float[] b0, float[] b1, float lr, Head head,
      int[] labels, boolean input) {
    float[] base = input ? a0 : b0;
    float[] after = input ? a1 : b1;
    float eps = 1e-2f;
    for (int i = 0; i < base.length; i++) {
      float[] a = a0.clone();
      float[] b = b0.clone();
      float[] p = input ? a : b;
      p[i] = base[i] + eps;
      double up = loss(new Model(DIM, a, b), head, labels);
      p[i] = base[i] - eps;
      double down = loss(new Model(DIM, a, b), head, labels);
      double numeric = (up - down) / (2 * eps);
      double analytic = -(after[i] - base[i]) / lr;
      assertThat(analytic).as("%s %s[%d]", head.name(), input ? "A" : "B", i)
          .isCloseTo(numeric, org.assertj.core.data.Offset.offset(2e-3 + 2e-2 * Math.abs(numeric)));
    }
  }
}
