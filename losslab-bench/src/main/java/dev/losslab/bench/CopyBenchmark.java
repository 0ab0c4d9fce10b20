package dev.losslab.bench;

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
 * The machine's copy bandwidth, the yardstick for {@link LossBenchmark}: {@link System#arraycopy} of a
 * float array into another. {@code 4096000} floats is the loss benchmark's batch (16 MB per array, so
 * source and destination together about fill a 32 MB last-level cache); {@code 33554432} floats
 * (128 MB per array) measures main memory. Bytes per operation are counted as in STREAM's copy:
 * {@code 2 × 4 × size} (read + write), not counting the write-allocate read of the destination.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CopyBenchmark {

  @Param({"4096000", "33554432"})
  public int size;

  private float[] source;
  private float[] destination;

  @Setup
  public void setUp() {
    source = new float[size];
    destination = new float[size];
    for (int i = 0; i < size; i++) {
      source[i] = i;
    }
  }

  @Benchmark
  public float[] copy(CpuTime cpu) {
    long start = CpuTime.now();
    System.arraycopy(source, 0, destination, 0, size);
    cpu.add(start);
    return destination;
  }
}
