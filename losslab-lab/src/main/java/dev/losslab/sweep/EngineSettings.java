package dev.losslab.sweep;

/**
 * What a sweep asks of its engine: for Spark, the master URL ({@code local[2]},
 * {@code spark://host:7077}, or {@code null} for the one {@code spark-submit} set, else
 * {@code local[*]}); for the in-process engine, the number of threads.
 *
 * @param master the cluster to run on, or {@code null}
 * @param threads threads of the in-process engine, at least 1
 */
public record EngineSettings(String master, int threads) {

  /** Checks the thread count. */
  public EngineSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads (" + threads + ") must be >= 1");
    }
  }

  /** No master, one thread per core. */
  public static EngineSettings defaults() {
    return new EngineSettings(null, Runtime.getRuntime().availableProcessors());
  }
}
