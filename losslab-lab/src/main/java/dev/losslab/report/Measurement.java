package dev.losslab.report;

import java.util.Objects;

/**
 * One measured number, in long ("tidy") form: which experiment, which series (usually a loss), which
 * seed, where on the x axis (epoch, score, noise rate...), which metric, and its value. Every number a
 * report shows is one of these, so {@code results.csv} and {@code results.json} hold all of them.
 *
 * @param experiment the experiment or section, e.g. {@code compare}
 * @param series the curve or configuration, e.g. {@code cross-entropy}
 * @param seed the run's seed, or {@link #NO_SEED} where no randomness is involved
 * @param x the position on the x axis (epoch, score, probability, noise rate)
 * @param metric the name of the quantity, e.g. {@code test_accuracy}
 * @param value the value; {@code NaN} or infinite values are kept (written as {@code NaN}/{@code null})
 */
public record Measurement(String experiment, String series, long seed, double x, String metric,
    double value) {

  /** Seed of a measurement that involves no random draw. */
  public static final long NO_SEED = -1;

  public Measurement {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(metric, "metric");
  }
}
