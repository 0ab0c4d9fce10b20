package dev.losslab.sweep;

import java.util.Objects;

/**
 * What an engine hands back for one run: its record (complete, diverged or failed inside the run), or,
 * when the run could not finish at all (out of memory, a lost executor), the error, which is not
 * stored, so the run is tried again by the next sweep.
 *
 * @param spec the run
 * @param record its record, or {@code null}
 * @param error why there is no record, or {@code null}
 */
public record RunOutcome(RunSpec spec, RunRecord record, String error) {

  /** Checks that there is exactly one of a record and an error. */
  public RunOutcome {
    Objects.requireNonNull(spec, "spec");
    if ((record == null) == (error == null)) {
      throw new IllegalArgumentException("an outcome has either a record or an error");
    }
  }

  /** A run that finished, well or not. */
  public static RunOutcome of(RunRecord record, RunSpec spec) {
    return new RunOutcome(spec, record, null);
  }

  /** A run that could not finish. */
  public static RunOutcome error(RunSpec spec, String error) {
    return new RunOutcome(spec, null, error);
  }

  /** Whether the run did not end well: diverged, failed, or no record. */
  public boolean failed() {
    return record == null || !record.status().equals("ok");
  }
}
