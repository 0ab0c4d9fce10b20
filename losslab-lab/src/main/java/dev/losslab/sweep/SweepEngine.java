package dev.losslab.sweep;

import dev.losslab.experiment.CompareData;
import java.util.List;
import java.util.function.Consumer;

/**
 * What trains a sweep's runs: {@link InProcessEngine} (threads of this JVM, the default) or an engine
 * a {@link SweepEngineProvider} offers ({@code losslab-spark}'s runs them as Apache Spark tasks). An
 * engine only trains; the {@link SweepRunner} decides what to run and stores what comes back.
 */
public interface SweepEngine extends AutoCloseable {

  /** How the console and the report name it, e.g. {@code in-process, 2 threads}. */
  String description();

  /**
   * Trains every spec on {@code data} and hands each outcome to {@code onDone} as soon as it is back,
   * on the calling thread, in the order they finish. A run that fails comes back as a failed outcome;
   * it never stops the others.
   *
   * @throws EngineUnavailableException when the engine itself stops working (the runs not handed back
   *     are lost; those handed back were complete)
   */
  void run(CompareData data, List<RunSpec> specs, Consumer<RunOutcome> onDone);

  /** Releases the engine's threads or cluster connection. */
  @Override
  void close();
}
