package dev.losslab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark thread's CPU time, next to JMH's wall-clock time: on a machine shared with other
 * work, time slices lost to other processes inflate the wall-clock time but not the CPU time (the
 * contention for caches and memory bandwidth remains in both). JMH reports the two counters per
 * iteration as secondary results; {@code cpuNanos / calls} is the CPU time per operation.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU nanoseconds spent in the measured calls of this iteration. */
  public long cpuNanos;

  /** Measured calls in this iteration. */
  public long calls;

  @Setup(Level.Iteration)
  public void reset() {
    cpuNanos = 0;
    calls = 0;
  }

  /** The current thread's CPU time in nanoseconds. */
  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  void add(long start) {
    cpuNanos += now() - start;
    calls++;
  }
}
