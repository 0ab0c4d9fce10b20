package dev.losslab.experiment;

import dev.losslab.report.Measurement;
import dev.losslab.report.Section;
import java.util.List;

/**
 * One experiment that tests a claim of the seed notes: it states the claim with its source, measures,
 * and returns a report section whose verdict is computed from the measured numbers with thresholds it
 * states.
 */
public interface Experiment {

  /** The name on the command line, e.g. {@code wrong-direction}. */
  String name();

  /** One line: what the experiment asks. */
  String summary();

  /** How many training runs {@link #run} reports to the context's progress (for a progress bar). */
  int runs(ExperimentContext ctx);

  /**
   * Runs the experiment.
   *
   * @param ctx sizes, seeds and progress
   * @param ms receives every measured number
   */
  Section run(ExperimentContext ctx, List<Measurement> ms);
}
