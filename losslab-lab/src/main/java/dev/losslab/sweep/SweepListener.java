package dev.losslab.sweep;

/**
 * Follows a sweep: once when it knows how many runs there are and how many the store already holds,
 * then once per run trained, on the thread that called {@link SweepRunner#run}.
 */
public interface SweepListener {

  /** A listener that does nothing. */
  SweepListener NONE = new SweepListener() {
    @Override
    public void started(int total, int reused, String engine) {}

    @Override
    public void finished(RunOutcome outcome, String label) {}
  };

  /**
   * @param total distinct runs of the sweep
   * @param reused how many of them the store holds (not trained again)
   * @param engine the engine that trains the rest
   */
  void started(int total, int reused, String engine);

  /**
   * @param outcome the run just handed back (and stored)
   * @param label how to name it, e.g. {@code "gce seed 2 (lr=0.05)"}
   */
  void finished(RunOutcome outcome, String label);
}
