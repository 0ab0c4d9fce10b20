package dev.losslab.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the float loss loops spend their time on, one ingredient at a time, over the same 4096 × 1000
 * float batch as {@link LossBenchmark} (scores N(0, 4); the exp loops read them shifted by their row's
 * maximum, as a softmax does). These loops are measurement probes and candidate kernels, not
 * library code: BENCHMARKS.md explains what they show.
 *
 * <ul>
 *   <li>{@link #mathExp}: {@code (float) Math.exp(s − max)} over each row, as the fused cross-entropy
 *       and softmax-mse loops do it: a scalar call per element that C2 (JDK 17) does not vectorise;
 *   <li>{@link #mathExpWidenedLoad}: the same exp of the already shifted scores, where the float is
 *       widened straight from the array load ({@code double x = s[i]}, as the binary-cross-entropy
 *       loop does): BENCHMARKS.md shows this form measured about 3× slower per element on this JVM;
 *   <li>{@link #bitsExpFloat}: a float exp by range reduction {@code 2^n·p(f)} with
 *       {@code Float.intBitsToFloat} for {@code 2^n}; scalar too, since C2 17 does not vectorise the bit
 *       moves;
 *   <li>{@link #squaringExpDouble}: {@code e^x = (T₆(x/1024))^1024} in double in the row's double
 *       scratch, only multiplies and adds (C2 vectorises the middle loop); relative error below 2.5e-8
 *       for {@code x ∈ [−104, 0]} (3e-13 above −20), far inside the float path's 1e-5;
 *   <li>{@link #squaringExpFloat}: the same in float, fully vectorised, but its error (2e-5 near 0, 4e-3
 *       at −80) is too large for the float path: it shows the speed a vectorised float exp reaches;
 *   <li>{@link #scalePass}: the separate pass of {@code LossEvaluation}'s float path that multiplies the
 *       whole gradient by {@code 1/Σ mean weights};
 *   <li>{@link #softplusLog1p} and {@link #softplusLogCorrected}: binary-cross-entropy's
 *       {@code log1p(e^{−|x|})} with {@code Math.log1p} (not an intrinsic in JDK 17) and with
 *       {@code log(u) − ((u − 1) − e)/u}, {@code u = 1 + e} (the intrinsic log plus one correction term,
 *       accurate to a few ulp).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelCostBenchmark {
  private static final int N = 4096;
  private static final int K = 1000;
  private static final float LOG2E = 1.4426950408889634f;
  private static final float LN2_HI = 0.693145751953125f;
  private static final float LN2_LO = 1.428606765330187e-06f;
  private static final float ROUND = 12582912f; // 1.5 · 2^23: adding it rounds a float to an integer

  private float[] scores;
  private float[] shifted;
  private float[] gradient;
  private double[] scratch;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    scores = new float[N * K];
    shifted = new float[N * K];
    for (int row = 0; row < N; row++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < K; j++) {
        scores[row * K + j] = (float) (2 * random.nextGaussian());
        max = Math.max(max, scores[row * K + j]);
      }
      for (int j = 0; j < K; j++) {
        shifted[row * K + j] = scores[row * K + j] - max;
      }
    }
    gradient = new float[N * K];
    scratch = new double[K];
  }

  @Benchmark
  public float[] mathExp(CpuTime cpu) {
    long start = CpuTime.now();
    for (int row = 0; row < N; row++) {
      int o = row * K;
      float max = scores[o];
      for (int j = 1; j < K; j++) {
        max = Math.max(max, scores[o + j]);
      }
      for (int j = 0; j < K; j++) {
        gradient[o + j] = (float) Math.exp(scores[o + j] - max);
      }
    }
    cpu.add(start);
    return gradient;
  }

  @Benchmark
  public float[] mathExpWidenedLoad(CpuTime cpu) {
    long start = CpuTime.now();
    for (int i = 0; i < N * K; i++) {
      gradient[i] = (float) Math.exp(shifted[i]);
    }
    cpu.add(start);
    return gradient;
  }

  @Benchmark
  public float[] bitsExpFloat(CpuTime cpu) {
    long start = CpuTime.now();
    for (int i = 0; i < N * K; i++) {
      float x = Math.max(shifted[i], -87f);
      float r = x * LOG2E + ROUND;
      float n = r - ROUND;
      int bits = Float.floatToRawIntBits(r) - 0x4B400000;
      float f = x - n * LN2_HI - n * LN2_LO;
      float p = 1f + f * (1f + f * (0.5f + f * (1f / 6 + f * (1f / 24 + f * (1f / 120 + f / 720)))));
      gradient[i] = p * Float.intBitsToFloat((bits + 127) << 23);
    }
    cpu.add(start);
    return gradient;
  }

  @Benchmark
  public float[] squaringExpDouble(CpuTime cpu) {
    long start = CpuTime.now();
    double[] d = scratch;
    for (int row = 0; row < N; row++) {
      int o = row * K;
      for (int j = 0; j < K; j++) {
        d[j] = shifted[o + j];
      }
      for (int j = 0; j < K; j++) {
        double y = Math.max(d[j], -104.0) * (1.0 / 1024);
        double p = 1 + y * (1 + y * (0.5 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120
            + y * (1.0 / 720))))));
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        d[j] = p;
      }
      for (int j = 0; j < K; j++) {
        gradient[o + j] = (float) d[j];
      }
    }
    cpu.add(start);
    return gradient;
  }

  @Benchmark
  public float[] squaringExpFloat(CpuTime cpu) {
    long start = CpuTime.now();
    for (int i = 0; i < N * K; i++) {
      float y = Math.max(shifted[i], -80f) * (1f / 256);
      float p = 1f + y * (1f + y * (0.5f + y * (1f / 6 + y * (1f / 24 + y * (1f / 120)))));
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      gradient[i] = p;
    }
    cpu.add(start);
    return gradient;
  }

  @Benchmark
  public float[] scalePass(CpuTime cpu) {
    long start = CpuTime.now();
    float scale = 1f / N;
    for (int i = 0; i < N * K; i++) {
      gradient[i] *= scale;
    }
    cpu.add(start);
    return gradient;
  }

  @Benchmark
  public double softplusLog1p(CpuTime cpu) {
    long start = CpuTime.now();
    double sum = 0;
    for (int i = 0; i < N * K; i++) {
      double e = Math.exp(-Math.abs(scores[i] + 0f));
      sum += Math.log1p(e);
    }
    cpu.add(start);
    return sum;
  }

  @Benchmark
  public double softplusLogCorrected(CpuTime cpu) {
    long start = CpuTime.now();
    double sum = 0;
    for (int i = 0; i < N * K; i++) {
      double e = Math.exp(-Math.abs(scores[i] + 0f));
      double u = 1.0 + e;
      sum += Math.log(u) - ((u - 1.0) - e) / u;
    }
    cpu.add(start);
    return sum;
  }
}
