package dev.losslab.text;

/**
 * A small deterministic generator (SplitMix64) for initialization, label draws and negative sampling:
 * the same seed gives the same stream on every JVM, so {@code -seed} with {@code -thread 1} reproduces
 * a model bit for bit. Not thread-safe: one per thread.
 */
public final class Rng {
  private long state;

  public Rng(long seed) {
    state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in {@code [0, bound)}, bound &gt; 0. */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** Uniform in {@code [0, 1)}. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }
}
