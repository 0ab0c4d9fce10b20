package dev.losslab.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link TextModel#train} trains: fastText's {@code supervised} flags as methods, with its
 * defaults ({@link Args}: lr 0.1, dim 100, epoch 5, ...; {@code thread} defaults to the processors),
 * any loss by name ({@code softmax}, {@code ova}, {@code ns}, {@code hs}, or a core loss such as
 * {@code focal} with its options), plus {@code -pretrainedVectors}, {@code -strict} and a progress
 * listener. A mutable builder, not thread-safe; the values are checked when training starts, with
 * messages that name the flag ({@code -dim (0) must be > 0}).
 *
 * <pre>{@code
 * TrainOptions o = TrainOptions.defaults().lr(1.0).epoch(25).wordNgrams(2).thread(2)
 *     .loss("focal").lossOption("gamma", 2.0)
 *     .progress(s -> System.err.printf("%.0f%%%n", 100 * s.progress()));
 * }</pre>
 */
public final class TrainOptions {
  private final Args.Builder args = Args.builder();
  private Path pretrainedVectors;
  private boolean strict;
  private Consumer<Trainer.Status> progress;
  private Duration progressInterval = Duration.ofSeconds(1);

  private TrainOptions() {}

  /** fastText's supervised defaults. */
  public static TrainOptions defaults() {
    return new TrainOptions();
  }

  /** {@code -lr}: the learning rate [0.1]. */
  public TrainOptions lr(double v) { args.lr(v); return this; }
  /** {@code -lrUpdateRate}: tokens between updates of the learning rate [100]. */
  public TrainOptions lrUpdateRate(int v) { args.lrUpdateRate(v); return this; }
  /** {@code -dim}: the size of the vectors [100]. */
  public TrainOptions dim(int v) { args.dim(v); return this; }
  /** {@code -ws}: the context window (unused in supervised training, kept in the model) [5]. */
  public TrainOptions ws(int v) { args.ws(v); return this; }
  /** {@code -epoch}: passes over the data [5]. */
  public TrainOptions epoch(int v) { args.epoch(v); return this; }
  /** {@code -minCount}: the fewest occurrences of a word [1]. */
  public TrainOptions minCount(int v) { args.minCount(v); return this; }
  /** {@code -minCountLabel}: the fewest occurrences of a label [0]. */
  public TrainOptions minCountLabel(int v) { args.minCountLabel(v); return this; }
  /** {@code -neg}: negatives sampled by {@code ns} [5]. */
  public TrainOptions neg(int v) { args.neg(v); return this; }
  /** {@code -wordNgrams}: the longest word n-gram [1]. */
  public TrainOptions wordNgrams(int v) { args.wordNgrams(v); return this; }
  /** {@code -loss}: softmax, ova, ns, hs, or any core loss by name [softmax]. */
  public TrainOptions loss(String v) { args.loss(v); return this; }
  /** An option of a core loss, e.g. {@code ("gamma", 2.0)} for focal. */
  public TrainOptions lossOption(String name, Object value) { args.lossOption(name, value); return this; }
  /** {@code -bucket}: hash buckets of word and character n-grams [2000000]. */
  public TrainOptions bucket(int v) { args.bucket(v); return this; }
  /** {@code -minn}: the shortest character n-gram [0]. */
  public TrainOptions minn(int v) { args.minn(v); return this; }
  /** {@code -maxn}: the longest character n-gram [0]. */
  public TrainOptions maxn(int v) { args.maxn(v); return this; }
  /** {@code -thread}: training threads [available processors]. */
  public TrainOptions thread(int v) { args.thread(v); return this; }
  /** {@code -t}: the sampling threshold (unused in supervised training) [1e-4]. */
  public TrainOptions t(double v) { args.t(v); return this; }
  /** {@code -label}: the label prefix [__label__]. */
  public TrainOptions label(String v) { args.label(v); return this; }
  /** {@code -seed}: with {@code thread(1)} the same model, bit for bit, run after run [0]. */
  public TrainOptions seed(long v) { args.seed(v); return this; }

  /** {@code -pretrainedVectors}: a {@code .vec} file whose vectors start their words' rows (null: none). */
  public TrainOptions pretrainedVectors(Path v) { pretrainedVectors = v; return this; }

  /**
   * {@code -strict}: invalid UTF-8, a line with labels but no words and one with words but no label
   * fail training (naming the line) instead of being read as fastText reads them [false].
   */
  public TrainOptions strict(boolean v) { strict = v; return this; }

  /**
   * A listener told how training goes about every {@link #progressInterval} (from a monitor thread)
   * and after each epoch (from the training call's thread); null for none.
   */
  public TrainOptions progress(Consumer<Trainer.Status> listener) { progress = listener; return this; }

  /** How often {@link #progress} is told while an epoch runs [1 s]. */
  public TrainOptions progressInterval(Duration v) {
    Objects.requireNonNull(v, "progressInterval");
    if (v.isNegative() || v.isZero()) {
      throw new IllegalArgumentException("progressInterval (" + v + ") must be > 0");
    }
    progressInterval = v;
    return this;
  }

  /** The settings, checked. */
  Args args() {
    return args.build();
  }

  Path pretrainedVectors() {
    return pretrainedVectors;
  }

  boolean strict() {
    return strict;
  }

  /** The listener the trainer sees. */
  Trainer.Listener listener() {
    Consumer<Trainer.Status> p = progress;
    long interval = Math.max(1, progressInterval.toMillis());
    return new Trainer.Listener() {
      @Override
      public long intervalMillis() {
        return p == null ? 0 : interval;
      }

      @Override
      public void progress(Trainer.Status s) {
        p.accept(s);
      }

      @Override
      public boolean epochEnd(Trainer.Status s, TextClassifier current) {
        if (p != null) {
          p.accept(s);
        }
        return true;
      }
    };
  }
}
