package dev.losslab.loss.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which float path a loss gets ({@link FloatLoss#of}), and that the widening path of a loss written
 * against {@link Loss} alone is its double path: the same value, the same gradient narrowed once.
 */
class FloatLossTest {

  /**
   * A user's loss as a user writes it, implementing {@link Loss} only: element-wise pseudo-Huber
   * {@code Σ √(1 + d²) − 1}, {@code d = s − y}, gradient {@code d/√(1 + d²)}.
   */
  private static final class PseudoHuber implements Loss {
    @Override
    public String name() {
      return "pseudo-huber";
    }

    @Override
    public double evaluate(double[] s, int so, int k, Target t, int row, double[] g, int go) {
      double v = 0;
      for (int j = 0; j < k; j++) {
        double d = s[so + j] - t.value(row, j);
        double r = Math.sqrt(1 + d * d);
        v += r - 1;
        g[go + j] = d / r;
      }
      return v;
    }

    @Override
    public boolean elementwise() {
      return true;
    }

    @Override
    public void elementValues(double[] s, int so, int k, Target t, int row, double[] out, int oo) {
      for (int j = 0; j < k; j++) {
        double d = s[so + j] - t.value(row, j);
        out[oo + j] = Math.sqrt(1 + d * d) - 1;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cross-entropy", "binary-cross-entropy", "mse", "softmax-mse",
      "formula:logsumexp(s) - s[label]"})
  void theBuiltInsWithFloatLoopsAndFormulasAreTheirOwnFloatPath(String name) {
    Loss loss = Losses.create(name);
    assertThat(FloatLoss.of(loss)).isSameAs(loss);
  }

  @Test
  void aUserLossGetsAWideningPath() {
    Loss loss = new PseudoHuber();
    assertThat(loss).isNotInstanceOf(FloatLoss.class);
    FloatLoss path = FloatLoss.of(loss);
    assertThat(path).isNotNull().isNotSameAs(loss);

    // one row at offsets, with the scale folded in: (float) (scale · g), nothing written outside
    float[] s = {9f, 0.5f, -2f, 3.25f, 9f};
    double[] wide = {0.5, -2, 3.25};
    Target t = Target.dense(1, 3, new double[] {1, 0, 0.5});
    double[] g = new double[3];
    double value = loss.evaluate(wide, 0, 3, t, 0, g, 0);
    float[] fg = {7f, 7f, 7f, 7f, 7f};
    float scale = 0.3f;
    assertThat(path.evaluate(s, 1, 3, t, 0, fg, 2, new double[6], scale)).isEqualTo(value);
    assertThat(fg).containsExactly(7f, 7f, (float) (scale * g[0]), (float) (scale * g[1]),
        (float) (scale * g[2]));
  }

  @Test
  void aUserLossOnTheFloatPathIsItsDoublePath() {
    Random random = new Random(5);
    int n = 12;
    int k = 7;
    float[] fs = new float[n * k];
    double[] ds = new double[n * k];
    double[] y = new double[n * k];
    for (int i = 0; i < fs.length; i++) {
      fs[i] = (float) (3 * random.nextGaussian());
      ds[i] = fs[i];
      y[i] = random.nextDouble();
    }
    Target t = Target.dense(n, k, y);
    Loss loss = new PseudoHuber();
    for (Reduction reduction : new Reduction[] {Reduction.SUM, Reduction.MEAN}) {
      float[] fg = new float[n * k];
      double fv = LossEvaluation.evaluate(loss, fs, n, k, t, reduction, fg);
      LossResult d = LossEvaluation.evaluate(loss, ds, n, k, t, reduction);
      if (reduction == Reduction.SUM) {
        assertThat(fv).isEqualTo(d.value());
        for (int i = 0; i < fg.length; i++) {
          assertThat(fg[i]).isEqualTo((float) d.gradient()[i]);
        }
      } else {
        // mean over n·k elements: the scale 1/(n·k) is a float on the float path
        assertThat(fv).isCloseTo(d.value(), within(1e-15 * d.value()));
        for (int i = 0; i < fg.length; i++) {
          assertThat((double) fg[i]).isCloseTo(d.gradient()[i],
              within(2.5e-7 * Math.abs(d.gradient()[i]) + 1e-30));
        }
      }
    }
  }

  @Test
  void aBuiltInOptionWithoutAFusedLoopStillMatchesTheDoublePath() {
    // weighted cross-entropy with smoothing has no fused loop: the loss widens the row itself
    Loss loss = Losses.create("cross-entropy", Map.of("labelSmoothing", 0.1,
        "weight", new double[] {1, 2, 0.5}));
    float[] fs = {0.25f, -1.5f, 2f, 4f, 4f, -3f};
    double[] ds = {0.25, -1.5, 2, 4, 4, -3};
    Target t = Target.labels(2, 0);
    float[] fg = new float[6];
    double fv = LossEvaluation.evaluate(loss, fs, 2, 3, t, Reduction.SUM, fg);
    LossResult d = LossEvaluation.evaluate(loss, ds, 2, 3, t, Reduction.SUM);
    assertThat(fv).isEqualTo(d.value());
    for (int i = 0; i < fg.length; i++) {
      assertThat(fg[i]).isEqualTo((float) d.gradient()[i]);
    }
  }
}
