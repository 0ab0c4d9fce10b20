package dev.losslab.bench;

import dev.losslab.loss.Losses;
import dev.losslab.nn.Network;
import dev.losslab.train.Examples;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainerConfig;
import dev.losslab.train.TrainingListener;
import dev.losslab.train.TrainingResult;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One epoch of mini-batch training (Adam, batch 64, cross-entropy) of a {@code 784-128(relu)-10}
 * network on 6,000 synthetic images shaped like Fashion-MNIST's: 784 pixels in [0, 1] of which about
 * half are exactly 0 (the background), 10 classes. One operation is one epoch over the 6,000 examples;
 * a Fashion-MNIST epoch (60,000) takes ten times as long. The {@link CpuTime} counters give the
 * thread's CPU time beside the wall-clock time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainStepBenchmark {

  @Param({"64"})
  public int batch;

  private Examples data;
  private Network network;
  private Trainer trainer;

  @Setup
  public void setUp() {
    int n = 6000;
    int d = 784;
    SplittableRandom random = new SplittableRandom(1);
    float[] x = new float[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 10;
      for (int c = 0; c < d; c++) {
        x[i * d + c] = random.nextDouble() < 0.5 ? 0f : (float) random.nextDouble();
      }
    }
    data = Examples.labelled(x, n, d, y);
    network = Network.builder(d).dense(128, "relu").output(10).build(1);
    trainer = new Trainer(TrainerConfig.defaults().withEpochs(1).withBatchSize(batch));
  }

  @Benchmark
  public TrainingResult epoch(CpuTime cpu) {
    long start = CpuTime.now();
    TrainingResult r = trainer.train(network, Losses.create("cross-entropy"), data,
        TrainingListener.none());
    cpu.add(start);
    return r;
  }
}
