package dev.losslab.bench;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossEvaluation;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Reduction;
import dev.losslab.loss.Target;
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
 * {@link CandidateCrossEntropy} against the library's {@code cross-entropy} on the float path, same
 * batch as {@link LossBenchmark} (4096 × 1000, labels, mean). Before timing, the set-up checks on the
 * whole batch that the candidate's value is within 1e-6 relative of the library's and every gradient
 * entry within 1e-5 of the row's largest (the float path's own tolerance), and refuses to run otherwise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CandidateBenchmark {

  @Param({"library", "candidate"})
  public String kernel;

  private static final int N = 4096;
  private static final int K = 1000;
  private Loss loss;
  private float[] scores;
  private float[] gradient;
  private Target target;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(42);
    scores = new float[N * K];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) (2 * random.nextGaussian());
    }
    int[] labels = new int[N];
    for (int i = 0; i < N; i++) {
      labels[i] = random.nextInt(K);
    }
    target = Target.labels(labels);
    gradient = new float[N * K];
    Loss library = Losses.create("cross-entropy");
    Loss candidate = new CandidateCrossEntropy();
    loss = kernel.equals("candidate") ? candidate : library;

    float[] expected = new float[N * K];
    double v0 = LossEvaluation.evaluate(library, scores, N, K, target, Reduction.MEAN, expected);
    double v1 = LossEvaluation.evaluate(candidate, scores, N, K, target, Reduction.MEAN, gradient);
    if (!(Math.abs(v1 - v0) <= 1e-6 * Math.abs(v0))) {
      throw new IllegalStateException("candidate value " + v1 + " differs from " + v0);
    }
    for (int i = 0; i < N; i++) {
      float largest = 0;
      for (int j = 0; j < K; j++) {
        largest = Math.max(largest, Math.abs(expected[i * K + j]));
      }
      for (int j = 0; j < K; j++) {
        float d = Math.abs(gradient[i * K + j] - expected[i * K + j]);
        if (!(d <= 1e-5f * largest)) {
          throw new IllegalStateException("candidate gradient differs at example " + i + ", class " + j
              + ": " + gradient[i * K + j] + " vs " + expected[i * K + j]);
        }
      }
    }
  }

  @Benchmark
  public double forwardBackward(CpuTime cpu) {
    long start = CpuTime.now();
    double value = LossEvaluation.evaluate(loss, scores, N, K, target, Reduction.MEAN, gradient);
    cpu.add(start);
    return value;
  }
}
