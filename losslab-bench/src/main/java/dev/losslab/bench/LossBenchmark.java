package dev.losslab.bench;

import dev.losslab.formula.FormulaLoss;
import dev.losslab.loss.Loss;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
import dev.losslab.loss.kernel.FloatKernels;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Batched forward + backward of the four training losses on the float path,
 * {@link LossEvaluation#evaluate(Loss, float[], int, int, Target, Reduction, float[])} with
 * {@code MEAN}, on an {@code n × k} batch (4096 × 1000 by default): cross-entropy with labels, and
 * binary-cross-entropy, mse and softmax-mse with dense 0/1 targets (random 0/1 for
 * binary-cross-entropy, one-hot rows for the two squared errors). Any other loss name works too
 * ({@code -p loss=exp-mse}), a formula included ({@code -p "loss=formula:logsumexp(s) - s[label]"}):
 * a formula that uses {@code label} gets labels, every other loss one-hot rows.
 *
 * <p>One operation is one whole batch; {@code scripts/bench_losses.sh} turns the time per operation
 * into ns per element and GB/s, counting the bytes the loss must move at least once: the float scores
 * read (4 bytes an element), the targets read (a dense target is a {@code double[]}, 8 bytes an
 * element; labels 4 bytes an example) and the float gradient written (4 bytes an element).
 *
 * <p>Run as the JVM starts by default it measures the scalar loops; with
 * {@code -jvmArgsAppend --add-modules=jdk.incubator.vector}, the Vector API loops of cross-entropy,
 * binary-cross-entropy and softmax-mse ({@link FloatKernels}). Each fork prints which.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LossBenchmark {

  @Param({"cross-entropy", "binary-cross-entropy", "mse", "softmax-mse"})
  public String loss;

  /**
   * One option, {@code name=value}, or empty for none: a number for a scalar option
   * ({@code labelSmoothing=0.1}), or the value of every class for a per-class one
   * ({@code weight=1.5}, {@code posWeight=1.5}). {@code scripts/bench_losses.sh} with
   * {@code OPTIONS=1} times the common training options this way.
   */
  @Param({""})
  public String option;

  @Param({"4096"})
  public int n;

  @Param({"1000"})
  public int k;

  private Loss instance;
  private float[] scores;
  private float[] gradient;
  private Target target;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(42);
    instance = option.isEmpty() ? Losses.create(loss) : Losses.create(loss, option(option, k));
    scores = new float[n * k];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) (2 * random.nextGaussian());
    }
    gradient = new float[n * k];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(k);
    }
    // a formula gets labels when it uses label; every loss but binary-cross-entropy one-hot rows
    boolean byLabel = instance instanceof FormulaLoss f ? f.usesLabel() : loss.equals("cross-entropy");
    if (byLabel) {
      target = Target.labels(labels);
    } else if (loss.equals("binary-cross-entropy")) {
      double[] t = new double[n * k];
      for (int i = 0; i < t.length; i++) {
        t[i] = random.nextBoolean() ? 1.0 : 0.0;
      }
      target = Target.dense(n, k, t);
    } else {
      double[] t = new double[n * k];
      for (int i = 0; i < n; i++) {
        t[i * k + labels[i]] = 1.0;
      }
      target = Target.dense(n, k, t);
    }
    instance.validate(target, n, k);
    // which float loops this fork runs (the script checks it for the Vector API run)
    System.out.println("float kernels: " + FloatKernels.describe());
  }

  private static Map<String, Object> option(String option, int k) {
    int at = option.indexOf('=');
    String name = option.substring(0, at);
    double value = Double.parseDouble(option.substring(at + 1));
    if (name.equals("weight") || name.equals("posWeight")) {
      double[] perClass = new double[k];
      Arrays.fill(perClass, value);
      return Map.of(name, perClass);
    }
    return Map.of(name, value);
  }

  /** Value and mean-reduced gradient of the whole batch; the value is returned so it is not dead code. */
  @Benchmark
  public double forwardBackward(CpuTime cpu) {
    long start = CpuTime.now();
    double value = LossEvaluation.evaluate(instance, scores, n, k, target, Reduction.MEAN, gradient);
    cpu.add(start);
    return value;
  }
}
