package dev.losslab.loss.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.LossResult;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The choice between the Vector API loops and the scalar loops, and their agreement. The build runs
 * this class four times: as the JVM starts by default (scalar), with
 * {@code --add-modules jdk.incubator.vector} and {@code losslab.test.expectVector=true}, with the
 * module but {@code -Dlosslab.vector=false} (scalar), and with {@code -XX:-UseFMA} (scalar, without
 * fused multiply-adds).
 */
class FloatKernelsTest {
  private static final float[] STRESS = {0f, 1f, -1f, 40f, -40f, 800f, -800f, 1e4f, -1e4f};
  private static final int[] WIDTHS = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 100, 1000};

  @Test
  void theVectorLoopsRunExactlyWhenTheModuleIsEnabled() {
    boolean expected = Boolean.getBoolean("losslab.test.expectVector");
    assertThat(FloatKernels.vectorized()).as(FloatKernels.describe()).isEqualTo(expected);
    if (expected) {
      assertThat(FloatKernels.describe()).startsWith("Vector API, ").contains("float lanes");
    } else {
      assertThat(FloatKernels.describe()).isEqualTo("false".equals(System.getProperty("losslab.vector"))
          ? "scalar (losslab.vector=false)"
          : "scalar (jdk.incubator.vector not enabled)");
    }
  }

  @Test
  void crossEntropyVectorAndScalarLoopsAgree() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    Random r = new Random(17);
    for (int k : WIDTHS) {
      for (int trial = 0; trial < 20; trial++) {
        float[] s = scores(r, k, trial);
        int so = 3;
        int y = r.nextInt(k);
        float scale = trial % 2 == 0 ? 1f : 0.125f;
        double smoothing = trial % 3 == 1 ? 0.1 : 0.0;
        float[] gv = new float[k + 5];
        float[] gs = new float[k + 5];
        double v = FusedFloatVector.crossEntropy(s, so, k, y, -100, smoothing, gv, 5, scale);
        double w = FusedFloat.crossEntropyScalar(s, so, k, y, -100, smoothing, gs, 5,
            new double[2 * k], scale);
        if (Double.isNaN(v) || Double.isNaN(w)) {
          // a smoothed row too close to a stationary point, left to the double path (one class,
          // or all scores equal); LossPropertiesTest checks what the loss then returns
          assertThat(smoothing).as("k=%d trial %d", k, trial).isPositive();
          continue;
        }
        assertClose("cross-entropy k=" + k, v, w, gv, gs, 1e-6, 1e-6);
      }
    }
  }

  @Test
  void crossEntropyIgnoredRowIsZeroInTheVectorLoop() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    float[] g = {7f, 7f, 7f, 7f, 7f};
    double v = FusedFloatVector.crossEntropy(new float[] {1f, 2f, 3f, 4f, 5f}, 0, 5, -100, -100, 0.1,
        g, 0, 1f);
    assertThat(v).isZero();
    assertThat(g).containsOnly(0f);
  }

  /**
   * Ties at the maximum (the float loop counts them apart from the other exponentials), a row of equal
   * scores, and a confident example whose small {@code 1 − p_y} and value must keep their relative
   * precision: against the exact double formulas.
   */
  @Test
  void crossEntropyVectorLoopKeepsTiesAndConfidentExamplesPrecise() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    for (int k : new int[] {3, 8, 9, 100, 1000}) {
      // all equal: p = 1/k everywhere, value log k
      float[] g = new float[k];
      double v = FusedFloatVector.crossEntropy(new float[k], 0, k, k - 1, -100, 0.0, g, 0, 1f);
      assertThat(v).isCloseTo(Math.log(k), org.assertj.core.data.Offset.offset(1e-6 * Math.log(k)));
      for (int j = 0; j < k; j++) {
        double want = j == k - 1 ? 1.0 / k - 1 : 1.0 / k;
        assertThat((double) g[j]).as("k=%d j=%d", k, j).isCloseTo(want,
            org.assertj.core.data.Offset.offset(1e-6 * Math.abs(want)));
      }
      // two tied maxima, one of them the label, the rest far below
      for (float gap : new float[] {3f, 12f, 25f}) {
        float[] s = new float[k];
        java.util.Arrays.fill(s, -gap);
        s[0] = 0f;
        s[k / 2] = 0f;
        int y = k / 2;
        double rest = (k - 2) * Math.exp(-gap);
        double sum = 2 + rest;
        v = FusedFloatVector.crossEntropy(s, 0, k, y, -100, 0.0, g, 0, 1f);
        assertThat(v).isCloseTo(Math.log(sum), org.assertj.core.data.Offset.offset(1e-6 * Math.log(sum)));
        assertThat((double) g[y]).isCloseTo(1 / sum - 1, org.assertj.core.data.Offset.offset(1e-6));
        assertThat((double) g[0]).isCloseTo(1 / sum, org.assertj.core.data.Offset.offset(1e-6));
      }
      // a confident example: the label alone at the top, 1 − p_y = rest/(1 + rest) down to 1e-9
      for (float gap : new float[] {5f, 15f, 30f}) {
        float[] s = new float[k];
        java.util.Arrays.fill(s, -gap);
        int y = 1 % k;
        s[y] = 0f;
        double rest = (k - 1) * Math.exp(-gap);
        v = FusedFloatVector.crossEntropy(s, 0, k, y, -100, 0.0, g, 0, 1f);
        assertThat(v).as("value, gap %s", gap).isCloseTo(Math.log1p(rest),
            org.assertj.core.data.Offset.offset(1e-6 * Math.log1p(rest)));
        double want = -rest / (1 + rest);
        assertThat((double) g[y]).as("label gradient, gap %s", gap).isCloseTo(want,
            org.assertj.core.data.Offset.offset(1e-6 * Math.abs(want)));
      }
    }
  }

  /** A NaN score makes the whole row NaN, value and gradient, as in the scalar loop: never silent. */
  @Test
  void crossEntropyVectorLoopPropagatesNaN() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    for (int at : new int[] {0, 5, 16, 20}) {
      float[] s = new float[21];
      for (int j = 0; j < s.length; j++) {
        s[j] = j * 0.25f;
      }
      s[at] = Float.NaN;
      float[] g = new float[21];
      double v = FusedFloatVector.crossEntropy(s, 0, 21, 3, -100, 0.0, g, 0, 1f);
      assertThat(v).as("NaN at %d", at).isNaN();
      for (int j = 0; j < g.length; j++) {
        assertThat(g[j]).as("NaN at %d, gradient %d", at, j).isNaN();
      }
    }
  }

  @Test
  void binaryCrossEntropyVectorAndScalarLoopsAgree() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    Random r = new Random(29);
    for (int k : WIDTHS) {
      for (int trial = 0; trial < 32; trial++) {
        float[] s = scores(r, k, trial);
        float scale = trial % 2 == 0 ? 1f : 0.125f;
        RowTarget t = RowTarget.of(r, k, trial);
        float[] gv = new float[k + 5];
        float[] gs = new float[k + 5];
        double v = FusedFloatVector.binaryCrossEntropy(s, 3, k, t.y, RowTarget.YO, t.label, gv, 5,
            new double[k], scale);
        double w = FusedFloat.binaryCrossEntropyScalar(s, 3, k, t.y, RowTarget.YO, t.label, gs, 5,
            new double[k], scale);
        assertClose("binary-cross-entropy k=" + k + " trial " + trial, v, w, gv, gs, 1e-6, 1e-6);
      }
    }
  }

  /**
   * binary-cross-entropy rows where float arithmetic would lose the result: a one-hot label on a score
   * of 1e4 (its target of 1 must not be taken as 0 and corrected later), targets just below 1 on large
   * positive scores (the value is (1 − y)·s), soft targets within 1e-4 of the sigmoid (the gradient
   * σ(s) − y cancels), and targets of 1 on large positive scores but one of {@code 1 − 1e-12} midway
   * (narrowed to float it reads 1, and the row's whole value, {@code 1e-12·s}, would be lost).
   * Against the exact double path.
   */
  @Test
  void binaryCrossEntropyVectorLoopHoldsLabelsOnHugeScoresAndSoftTargets() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    Random r = new Random(37);
    for (int k : new int[] {8, 9, 64, 1000}) {
      for (int trial = 0; trial < 12; trial++) {
        float[] s = new float[k];
        double[] y = null;
        int label = -1;
        switch (trial % 4) {
          case 0 -> {
            for (int j = 0; j < k; j++) {
              s[j] = (float) r.nextGaussian();
            }
            label = r.nextInt(k);
            s[label] = 1e4f;
          }
          case 1 -> {
            y = new double[k];
            for (int j = 0; j < k; j++) {
              s[j] = 1e3f + 9e3f * r.nextFloat();
              y[j] = 1 - 1e-4 * (1 + r.nextDouble());
            }
          }
          case 2 -> {
            y = new double[k];
            for (int j = 0; j < k; j++) {
              s[j] = (float) (2 * r.nextGaussian());
              y[j] = 1 / (1 + Math.exp(-s[j])) * (1 + 1e-4 * r.nextGaussian());
            }
          }
          default -> {
            y = new double[k];
            for (int j = 0; j < k; j++) {
              s[j] = 1e3f + 9e3f * r.nextFloat();
              y[j] = 1;
            }
            y[k / 2] = 1 - 1e-12;
          }
        }
        float[] g = new float[k];
        double v = FusedFloatVector.binaryCrossEntropy(s, 0, k, y, 0, label, g, 0, new double[k], 1f);
        assertMatchesDoublePath("k=" + k + " trial " + trial, "binary-cross-entropy", s, y, label, v,
            g, 1e-6);
      }
    }
  }

  @Test
  void softmaxSquaredVectorAndScalarLoopsAgree() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    Random r = new Random(23);
    for (int k : WIDTHS) {
      for (int trial = 0; trial < 32; trial++) {
        float[] s = scores(r, k, trial);
        float scale = trial % 2 == 0 ? 1f : 0.125f;
        RowTarget t = RowTarget.of(r, k, trial);
        float[] gv = new float[k + 5];
        float[] gs = new float[k + 5];
        double v = FusedFloatVector.softmaxSquared(s, 3, k, t.y, RowTarget.YO, t.label, gv, 5,
            new double[2 * k], scale);
        double w = FusedFloat.softmaxSquaredScalar(s, 3, k, t.y, RowTarget.YO, t.label, gs, 5,
            new double[2 * k], scale);
        double tolerance = 1e-6 + 0x1p-23 * runnerUpGap(s, 3, k);
        assertClose("softmax-mse k=" + k + " trial " + trial, v, w, gv, gs, tolerance, tolerance);
      }
    }
  }

  /**
   * The largest score of {@code s[so, so + k)} less the next (0 for one score or a tie). The float
   * lanes round {@code x = s − max} to float, so every exponential is off by up to {@code |x|·2⁻²⁴}
   * relative; a confident softmax-mse row's value is the square of the runner-up's probability and
   * carries twice that.
   */
  private static double runnerUpGap(float[] s, int so, int k) {
    double max = Double.NEGATIVE_INFINITY;
    double next = Double.NEGATIVE_INFINITY;
    for (int j = so; j < so + k; j++) {
      if (s[j] > max) {
        next = max;
        max = s[j];
      } else if (s[j] > next) {
        next = s[j];
      }
    }
    return k < 2 ? 0 : max - next;
  }

  /**
   * A row's target for the loops that take either: a label, a dense row at offset {@link #YO} (random
   * values and 0/1 mixed, or one-hot), or no label in the row (all targets 0), by {@code trial % 4}.
   */
  private record RowTarget(double[] y, int label) {
    static final int YO = 2;

    static RowTarget of(Random r, int k, int trial) {
      switch (trial % 4) {
        case 0:
          return new RowTarget(null, r.nextInt(k));
        case 1: {
          double[] y = new double[k + YO];
          for (int j = 0; j < k; j++) {
            y[YO + j] = r.nextInt(2) == 0 ? r.nextDouble() : r.nextInt(2);
          }
          return new RowTarget(y, -1);
        }
        case 2: {
          // one-hot, 0s and 1s at random (multi-label), or all 0
          double[] y = new double[k + YO];
          y[YO + r.nextInt(k)] = 1;
          for (int j = 0; trial % 8 == 6 && j < k; j++) {
            y[YO + j] = r.nextInt(2);
          }
          if (trial % 16 == 10) {
            java.util.Arrays.fill(y, 0.0);
          }
          return new RowTarget(y, -1);
        }
        default:
          return new RowTarget(null, trial % 8 == 3 ? -1 : k);
      }
    }
  }


  /**
   * Rows where softmax-mse's float arithmetic cannot hold 1e-6 of the largest gradient entry: targets
   * within 1e-4 of the softmax (a stationary point), and confident rows right and wrong. The vector
   * loop must notice and recompute the row with the scalar loop: checked against the exact double
   * path.
   */
  @Test
  void softmaxSquaredVectorLoopFallsBackWhereFloatsCannotHold() {
    assumeTrue(FloatKernels.vectorized(), "the Vector API loops are not enabled in this JVM");
    Random r = new Random(31);
    for (int k : new int[] {2, 9, 64, 1000}) {
      for (int trial = 0; trial < 12; trial++) {
        float[] s = new float[k];
        for (int j = 0; j < k; j++) {
          s[j] = (float) (2 * r.nextGaussian());
        }
        double[] y = null;
        int label = -1;
        if (trial % 3 == 0) {
          // a target within 1e-4 of the softmax
          double[] p = softmax(s);
          y = new double[k];
          for (int j = 0; j < k; j++) {
            y[j] = p[j] * (1 + 1e-4 * r.nextGaussian());
          }
        } else {
          // a confident row, its label at the top (right) or not (wrong)
          int top = r.nextInt(k);
          s[top] += 14f + 6f * r.nextFloat();
          label = trial % 3 == 1 ? top : (top + 1) % k;
        }
        float[] g = new float[k];
        double v = FusedFloatVector.softmaxSquared(s, 0, k, y, 0, label, g, 0, new double[2 * k], 1f);
        // the value to the float path's 1e-5: a confident row's value is its few tiny probabilities
        // squared, each e^x off by the rounding of x = s − max in float, |x|·2⁻²⁴ relative
        assertMatchesDoublePath("k=" + k + " trial " + trial, "softmax-mse", s, y, label, v, g, 1e-5);
      }
    }
  }

  /**
   * One row's float value {@code v} and gradient {@code g} against the exact double path of
   * {@code name} with a dense target {@code y} or, if {@code y} is null, the label: the value within
   * {@code valueTolerance} relative, each gradient entry within 1e-6 of the row's largest plus 1e-14.
   */
  private static void assertMatchesDoublePath(String what, String name, float[] s, double[] y,
      int label, double v, float[] g, double valueTolerance) {
    int k = s.length;
    double[] wide = new double[k];
    for (int j = 0; j < k; j++) {
      wide[j] = s[j];
    }
    Target t = y != null ? Target.dense(1, k, y) : Target.labels(new int[] {label});
    LossResult exact = LossEvaluation.evaluate(Losses.create(name), wide, 1, k, t, Reduction.SUM);
    double rowMax = 0;
    for (int j = 0; j < k; j++) {
      rowMax = Math.max(rowMax, Math.abs(exact.gradient(0, j)));
    }
    assertThat(v).as("%s %s value", name, what).isCloseTo(exact.value(),
        org.assertj.core.data.Offset.offset(valueTolerance * Math.abs(exact.value()) + 1e-300));
    for (int j = 0; j < k; j++) {
      assertThat(Math.abs(g[j] - exact.gradient(0, j))).as("%s %s gradient %d", name, what, j)
          .isLessThanOrEqualTo(1e-6 * rowMax + 1e-14);
    }
  }

  private static double[] softmax(float[] s) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : s) {
      max = Math.max(max, v);
    }
    double[] p = new double[s.length];
    double sum = 0;
    for (int j = 0; j < s.length; j++) {
      p[j] = Math.exp(s[j] - max);
      sum += p[j];
    }
    for (int j = 0; j < s.length; j++) {
      p[j] /= sum;
    }
    return p;
  }

  /** Scores at offset 3: N(0, 16), with stress values mixed in on odd trials. */
  private static float[] scores(Random r, int k, int trial) {
    float[] s = new float[k + 3];
    s[0] = Float.NaN; // before the row: must not be read
    for (int j = 0; j < k; j++) {
      s[3 + j] = trial % 2 == 1 && r.nextInt(3) > 0
          ? STRESS[r.nextInt(STRESS.length)]
          : (float) (4 * r.nextGaussian());
    }
    return s;
  }

  /**
   * Values within {@code valueTolerance} relative (1e-6 where the vector loop takes float
   * exponentials; then also 1e-15 absolute, since the vector loop keeps a confident example's value
   * {@code log1p(rest)} below 1e-16, which the scalar loop's {@code log Σ} rounds to 0); gradients
   * within {@code gradientTolerance} of the row's largest entry plus 1e-14 (the loops add in another
   * order, and a float can round the other way; a saturated softmax-mse row is rounding noise of about
   * 1e-16 in both); nothing written outside {@code [5, 5 + k)}.
   */
  private static void assertClose(String what, double v, double w, float[] gv, float[] gs,
      double valueTolerance, double gradientTolerance) {
    assertThat(v).as(what + " value").isFinite();
    assertThat(Math.abs(v - w)).as(what + " value " + v + " vs " + w)
        .isLessThanOrEqualTo(valueTolerance * Math.abs(w) + 1e-15);
    double rowMax = 0;
    for (float x : gs) {
      rowMax = Math.max(rowMax, Math.abs(x));
    }
    for (int j = 0; j < gv.length; j++) {
      assertThat(gv[j]).as(what + " gradient " + j).isFinite();
      assertThat((double) Math.abs(gv[j] - gs[j])).as(what + " gradient " + j + ": " + gv[j] + " vs "
          + gs[j]).isLessThanOrEqualTo(gradientTolerance * rowMax + 1e-14);
    }
    for (int j = 0; j < 5; j++) {
      assertThat(gv[j]).as(what + " before the row").isZero();
    }
  }
}
