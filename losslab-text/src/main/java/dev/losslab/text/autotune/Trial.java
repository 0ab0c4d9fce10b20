package dev.losslab.text.autotune;

/**
 * One trial of the search: its arguments, how it ended, its score and what it cost.
 *
 * @param number 1 for the first trial
 * @param args the arguments it trained with
 * @param status how it ended
 * @param score the metric on the validation set after its last epoch (on the quantized model when a
 *     model size is asked for); for a trial cut by the clock with early stopping on, its best score
 *     so far; NaN when it has none (stopped by the rule, diverged, skipped)
 * @param epochs the epochs of its whole schedule that it ran (1 for a trial stopped by the rule)
 * @param seconds its wall time, reading and validation included
 * @param cutoff the rows kept by quantization when a model size is asked for; 0 otherwise
 * @param detail why it ended as it did, for the statuses other than {@link Status#OK}; empty otherwise
 */
public record Trial(int number, TrialArgs args, Status status, double score, int epochs,
    double seconds, int cutoff, String detail) {

  /** How a trial ended. */
  public enum Status {
    /** Trained all its epochs and was scored. */
    OK("ok"),
    /** Stopped after epoch 1: its loss there not below the median of the earlier trials'. */
    STOPPED("stopped"),
    /**
     * Stopped because it would not finish before the duration ends; with early stopping, scored as
     * it stands.
     */
    OUT_OF_TIME("out-of-time"),
    /** Not trained: its predicted time is longer than the time left. */
    SKIPPED("skipped"),
    /** The loss became NaN or infinite (fastText skips such trials too). */
    DIVERGED("diverged"),
    /** Its model does not fit the heap or one array; not trained. */
    TOO_LARGE("too-large"),
    /** Ran out of memory while training. */
    OUT_OF_MEMORY("out-of-memory"),
    /** Even the smallest cutoff does not reach the model size asked for. */
    SIZE("size"),
    /** Its score is not a number. */
    NO_SCORE("no-score");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    /** The word the CSV and the progress lines use. */
    public String text() {
      return text;
    }
  }

  /** Whether it can be the best trial: finished, or cut by the clock, with a score. */
  public boolean scored() {
    return (status == Status.OK || status == Status.OUT_OF_TIME) && !Double.isNaN(score);
  }
}
