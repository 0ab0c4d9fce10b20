package dev.losslab.cli.text;

import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code supervised}'s autotune flags: fastText's {@code -autotune-*} and {@code -dsub}, and losslab's
 * {@code -autotune-losses}, {@code -autotune-trials} and {@code -autotune-stopping}.
 */
final class AutotuneOptions {
  @Option(names = "-autotune-validation", paramLabel = "FILE", description = "validation file: search the arguments that score best on it (fastText's autotune), then train with them")
  Path validation;
  @Option(names = "-autotune-metric", paramLabel = "METRIC", description = "what the search maximises: f1 (micro F1 of P@k and R@k), f1:LABEL, precisionAtRecall:R[:LABEL] or recallAtPrecision:P[:LABEL], R and P in percent [f1]")
  String metric;
  @Option(names = "-autotune-predictions", paramLabel = "K", description = "labels predicted per line when a trial is scored; -1 for all [1]")
  Integer predictions;
  @Option(names = "-autotune-duration", paramLabel = "SECONDS", description = "time for the search; the final training comes after it [300]")
  Double duration;
  @Option(names = "-autotune-modelsize", paramLabel = "SIZE", description = "largest .ftz, e.g. 2M (fastText quantizes every trial to fit it): needs quantize, not in this build; the size is checked, then the run stops with one line")
  String modelSize;
  @Option(names = "-autotune-losses", paramLabel = "LOSSES", description = "also search the loss among these, comma-separated: fastText's heads, core losses with options (focal:gamma=1) or formulas; commas inside brackets do not separate")
  String losses;
  @Option(names = "-autotune-trials", paramLabel = "N", description = "at most N trials; the search's spread then follows the trial count, so -seed with -thread 1 repeats the search exactly [no limit]")
  Integer trials;
  @Option(names = "-autotune-stopping", paramLabel = "RULE", description = "median: stop a trial after its first epoch unless that epoch's training loss (each line's taken before the update on it) is below the median of the earlier trials'; none: train every draw in full, as fastText [median]")
  String stopping;
  @Option(names = "-dsub", paramLabel = "N", description = "with -autotune-modelsize: size of each quantized sub-vector, fixed instead of searched [2]")
  Integer dsub;

  /** Whether a search was asked for. */
  boolean enabled() {
    return validation != null;
  }

  /** Whether the median rule stops trials. */
  boolean earlyStopping() {
    if (stopping == null || stopping.equals("median")) {
      return true;
    }
    if (stopping.equals("none")) {
      return false;
    }
    throw new IllegalArgumentException("-autotune-stopping " + stopping + ": unknown rule (median, none)");
  }

  /**
   * Without {@code -autotune-validation}: fastText's flags are accepted and ignored with a warning, as
   * fastText ignores them; losslab's own are usage errors.
   */
  void checkUnused(PrintStream err) {
    if (losses != null) {
      throw new IllegalArgumentException("-autotune-losses needs -autotune-validation FILE");
    }
    if (trials != null) {
      throw new IllegalArgumentException("-autotune-trials needs -autotune-validation FILE");
    }
    if (stopping != null) {
      throw new IllegalArgumentException("-autotune-stopping needs -autotune-validation FILE");
    }
    StringBuilder ignored = new StringBuilder();
    append(ignored, "-autotune-metric", metric);
    append(ignored, "-autotune-predictions", predictions);
    append(ignored, "-autotune-duration", duration);
    append(ignored, "-autotune-modelsize", modelSize);
    append(ignored, "-dsub", dsub);
    if (ignored.length() > 0) {
      err.println("Warning: " + ignored + " ignored without -autotune-validation");
    }
  }

  private static void append(StringBuilder b, String flag, Object value) {
    if (value != null) {
      b.append(b.length() == 0 ? "" : ", ").append(flag);
    }
  }
}
