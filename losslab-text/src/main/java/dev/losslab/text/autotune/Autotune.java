package dev.losslab.text.autotune;

import dev.losslab.text.Args;
import dev.losslab.text.Dictionary;
import dev.losslab.text.Head;
import dev.losslab.text.Heads;
import dev.losslab.text.ModelMemory;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.Trainer;
import dev.losslab.text.TrainingData;
import dev.losslab.text.TrainingDiverged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * fastText's {@code autotune}, driven through the public {@link Trainer} API: trials drawn by the
 * {@link RandomSearch} (the first with the given arguments), each trained, scored on the validation
 * data with the {@link AutotuneMetric} (after quantization when a model size is asked for) and kept
 * when it beats the best so far; bad draws stopped after their first epoch; diverged, too large or
 * unscorable trials skipped. When the duration (or the trial limit) is spent, the best arguments are
 * trained once more into the final model.
 *
 * <p><b>Early stopping.</b> With it on, a trial is stopped at the end of its first epoch unless the
 * average training loss of that epoch is below the median of the earlier trials' with the same loss
 * ({@link MedianStoppingRule}, one reference enough, ties stop). In the first epoch every line's loss
 * is taken before the update on it, so that average is a held-out estimate (progressive validation)
 * that costs nothing. The validation metric would mislead here: in the middle of a schedule the
 * learning rate is still high, and on cooking draws with lr 0.46 and 0.55 scored P@1 0.049 after the
 * first of their 8 and 2 epochs, below a constant guess (0.058), though a high lr is what cooking
 * needs (lr 1.0 reaches 0.57 in 25 epochs). A bad draw costs one epoch.
 *
 * <p><b>Time.</b> The duration bounds the search; the final training comes after it, as in fastText.
 * Trials are stopped at the end of an epoch (the trainer is never interrupted mid-epoch), so the
 * search can overrun the duration by one epoch of its last trial. A draw whose whole schedule is
 * predicted not to fit in the time left ({@link TrialCost}) is skipped; a trial whose epochs so far
 * show that it would end past the duration is stopped. With early stopping such a trial has passed
 * its first epoch, so it is scored as it stands and can be the best trial (the final training then gives
 * it its whole schedule); without, as in fastText, it counts for nothing.
 *
 * <p><b>Progress of the spread.</b> The search's σ follows the elapsed fraction of the duration, as
 * fastText's; with a trial limit it follows the trial count instead ({@code (trial − 1)/limit}), so
 * with {@code -thread 1} and a seed the search is repeatable: the same trials, scores and best,
 * whatever the machine's speed, as long as the duration leaves time for all of them.
 *
 * <p><b>Data.</b> The listener hears of the file's doubtful lines after the first reading. The
 * training file is read again whenever a trial changes what its dictionary
 * depends on ({@code wordNgrams}, {@code bucket}, {@code minn}, {@code maxn}), and the validation
 * file encoded with that dictionary; the last reading is kept for the next trial.
 */
public final class Autotune {
  private Autotune() {}

  /** Watches a search. Calls come from the searching thread. */
  public interface Listener {
    /**
     * The training file was read the first time; {@code issues} are its doubtful lines (invalid
     * UTF-8, labels alone, words alone), one per kind, as {@code supervised} warns of them.
     */
    default void read(java.util.List<dev.losslab.text.InputIssue> issues) {}

    /** A trial begins. */
    default void trialStarted(int number, TrialArgs args, double elapsedSeconds) {}

    /** A trial ended; {@code best} is the best trial so far, or null. */
    default void trialEnded(Trial trial, Trial best, double elapsedSeconds) {}

    /** The search is over; the final model is trained with {@code best}'s arguments. */
    default void retraining(Trial best) {}

    /** Watches the final training; null for none. */
    default Trainer.Listener finalTraining() {
      return null;
    }
  }

  /** A setting that the data makes impossible (a metric label training or validation never has). */
  public static final class BadSetting extends IllegalArgumentException {
    BadSetting(String message) {
      super(message);
    }
  }

  /** The search found no trial to keep (no time for one, or no reachable model size). */
  public static final class NoTrialFinished extends RuntimeException {
    NoTrialFinished(String message) {
      super(message);
    }
  }

  /**
   * Runs the search.
   *
   * @param given the arguments given (the first trial)
   * @param train the training data, opened once per reading
   * @param trainName its name in messages
   * @throws IllegalArgumentException for data that cannot be searched, before the first trial: bad
   *     training data, a validation file with no usable line
   * @throws BadSetting for a metric label that training or validation never has
   * @throws NoTrialFinished when no trial could be kept
   * @throws UncheckedIOException if the CSV cannot be written
   */
  public static AutotuneResult run(Args given, TrainingData.Source train, String trainName,
      AutotuneSettings settings, Listener listener) {
    return new Search(given, train, trainName, settings,
        listener == null ? new Listener() {} : listener).run();
  }

  /** What one reading of the data gives, for the arguments it depends on. */
  private record Reading(Key key, TrainingData data, ValidationSet validation, int labelIndex) {}

  private record Key(int minCount, int minCountLabel, String label, int wordNgrams, int bucket,
      int minn, int maxn) {
    static Key of(Args a) {
      return new Key(a.minCount(), a.minCountLabel(), a.label(), a.wordNgrams(), a.effectiveBucket(),
          a.minn(), a.maxn());
    }
  }

  /** Consecutive draws predicted not to fit in the time left after which the search ends. */
  static final int MAX_SKIPS = 20;

  private static final class Search {
    final Args given;
    final TrainingData.Source train;
    final String trainName;
    final AutotuneSettings s;
    final Listener listener;
    /** Per loss (as {@code -autotune-losses} writes it), the rule at the end of epoch 1. */
    final Map<String, MedianStoppingRule> rules = new HashMap<>();
    final List<Trial> trials = new ArrayList<>();
    final TrialCsv csv;
    Reading reading;
    TrialCost cost;
    int skipped;
    long start;

    Search(Args given, TrainingData.Source train, String trainName, AutotuneSettings s,
        Listener listener) {
      this.given = given;
      this.train = train;
      this.trainName = trainName;
      this.s = s;
      this.listener = listener;
      this.csv = s.csv().map(TrialCsv::new).orElse(null);
    }

    double elapsed() {
      return (s.clock().getAsLong() - start) / 1e9;
    }

    Reading read(Args a) {
      Key key = Key.of(a);
      if (reading != null && reading.key().equals(key)) {
        return reading;
      }
      closeReading(); // the old corpus file goes before the new one is written
      TrainingData data = TrainingData.read(train, trainName, a,
          s.reading().withTempFolder(s.tempFolder()));
      Dictionary dict = data.dictionary();
      ValidationSet v = ValidationSet.encode(s.validation(), s.validationName(), dict);
      int labelIndex;
      try {
        labelIndex = s.metric().labelIndex(dict);
      } catch (IllegalArgumentException e) {
        throw new BadSetting(e.getMessage());
      }
      reading = new Reading(key, data, v, labelIndex);
      return reading;
    }

    /** Deletes the temporary corpus file of the current reading, if any. */
    void closeReading() {
      if (reading != null) {
        reading.data().close();
        reading = null;
      }
    }

    AutotuneResult run() {
      try {
        return search();
      } finally {
        closeReading();
      }
    }

    AutotuneResult search() {
      Args first = s.losses().isEmpty() ? given
          : (s.losses().stream().anyMatch(l -> l.text().equals(SearchLoss.text(given.loss(),
              given.lossOptions()))) ? given : s.losses().get(0).applyTo(given.toBuilder()).build());
      TrialArgs firstTrial = new TrialArgs(first, s.dsub());
      Reading r0 = read(first);
      listener.read(r0.data().issues());
      check(r0);
      // the counts of the corpus file: its lines are not read into the heap
      cost = new TrialCost(r0.data().dictionary(), r0.data().lines().totalTokens(),
          (int) Math.min(Integer.MAX_VALUE, r0.data().lines().lineCount()));
      RandomSearch search = new RandomSearch(firstTrial, s.fixed(), s.losses(), given.seed());
      start = s.clock().getAsLong();
      Trial best = null;
      while ((s.maxTrials() == 0 || trials.size() < s.maxTrials()) && elapsed() < s.durationSeconds()) {
        int number = trials.size() + 1;
        double t = s.maxTrials() > 0 ? (double) (number - 1) / s.maxTrials()
            : Math.min(1.0, elapsed() / s.durationSeconds());
        TrialArgs args = search.next(t);
        listener.trialStarted(number, args, elapsed());
        double predicted = number == 1 ? Double.NaN : cost.predict(args.args());
        double left = s.durationSeconds() - elapsed();
        Trial trial;
        if (predicted > left) {
          trial = new Trial(number, args, Trial.Status.SKIPPED, Double.NaN, 0, 0, 0,
              String.format(Locale.ROOT, "predicted %.1f s, %.1f s left", predicted, left));
          skipped++;
        } else {
          trial = trial(number, args);
          skipped = 0;
        }
        trials.add(trial);
        if (trial.scored() && (best == null || trial.score() > best.score())) {
          best = trial;
          search.improved(args);
        }
        if (csv != null) {
          try {
            csv.add(trial);
          } catch (IOException e) {
            throw new UncheckedIOException(csv.file() + ": cannot write the trials (" + e.getMessage()
                + ")", e);
          }
        }
        listener.trialEnded(trial, best, elapsed());
        if (skipped >= MAX_SKIPS) {
          break; // nothing drawn near the best fits in the time left
        }
      }
      if (best == null) {
        throw new NoTrialFinished(noBestMessage());
      }
      listener.retraining(best);
      Reading r = read(best.args().args());
      Args a = best.args().args();
      Head head = Heads.create(a, r.data().dictionary().labelCounts());
      TextClassifier model = Trainer.train(a, r.data(), head, listener.finalTraining());
      Optional<Quantizer.Quantized> quantized = Optional.empty();
      Supplier<LinePredictor> predictors = () -> LinePredictor.of(model);
      if (s.modelSize().isPresent()) {
        Quantizer.Settings q = s.modelSize().get().settings(best.args(), model.model().outputRows())
            .orElseThrow();
        quantized = Optional.of(s.quantizer().orElseThrow().quantize(model, train, trainName, q));
        predictors = quantized.get().predictors();
      }
      double finalScore = score(r, predictors);
      return new AutotuneResult(trials, best, model, quantized, finalScore);
    }

    /** Fails before the search when the data cannot be scored. */
    void check(Reading r) {
      if (r.validation().lines() == 0) {
        throw new IllegalArgumentException(s.validationName()
            + ": no line has a label seen in training and a word (-autotune-validation)");
      }
      if (r.labelIndex() >= 0 && r.validation().labelCount(r.labelIndex()) == 0) {
        throw new BadSetting("-autotune-metric " + s.metric().text() + ": "
            + s.validationName() + " has no line labelled " + s.metric().label().orElseThrow());
      }
    }

    String noBestMessage() {
      if (trials.isEmpty()) {
        return "no trial ran in -autotune-duration " + s.durationSeconds() + " s; give it more time";
      }
      long size = trials.stream().filter(t -> t.status() == Trial.Status.SIZE).count();
      if (size > trials.size() / 2) {
        return "no trial reached -autotune-modelsize " + s.modelSize().map(ModelSize::text).orElse("")
            + " (" + size + " of " + trials.size() + " trials could not); ask for a larger size";
      }
      StringBuilder b = new StringBuilder();
      for (Trial.Status st : Trial.Status.values()) {
        long n = trials.stream().filter(t -> t.status() == st).count();
        if (n > 0) {
          b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(st.text());
        }
      }
      return "no trial finished within -autotune-duration " + fmt(s.durationSeconds()) + " s ("
          + trials.size() + " trials: " + b + "); give it more time";
    }

    double score(Reading r, Supplier<LinePredictor> predictors) {
      int threads = Math.max(1, given.thread());
      Evaluation e = r.validation().evaluate(predictors, s.predictions(), threads,
          s.metric().needsScores());
      return s.metric().score(e, r.labelIndex());
    }

    Trial trial(int number, TrialArgs trialArgs) {
      long t0 = s.clock().getAsLong();
      Args a = trialArgs.args();
      Epochs epochs = null;
      try {
        Reading r = read(a);
        Dictionary dict = r.data().dictionary();
        String tooLarge = tooLarge(dict, a);
        if (tooLarge != null) {
          return new Trial(number, trialArgs, Trial.Status.TOO_LARGE, Double.NaN, 0, seconds(t0), 0,
              tooLarge);
        }
        // the size is checked before training: the cutoff depends on the dictionary, not the weights
        Optional<Quantizer.Settings> q = Optional.empty();
        if (s.modelSize().isPresent()) {
          q = s.modelSize().get().settings(trialArgs, dict.nlabels());
          String why = q.isEmpty()
              ? "dim " + a.dim() + " leaves no room for " + ModelSize.MIN_CUTOFF + " rows in "
                  + s.modelSize().get().text()
              : dict.inputRows() < ModelSize.MIN_CUTOFF
                  ? dict.inputRows() + " input rows; product quantization needs at least "
                      + ModelSize.MIN_CUTOFF
                  : null;
          if (why != null) {
            return new Trial(number, trialArgs, Trial.Status.SIZE, Double.NaN, 0, seconds(t0), 0,
                why);
          }
        }
        Head head = Heads.create(a, dict.labelCounts());
        epochs = new Epochs(r, a);
        TextClassifier model = Trainer.train(a, r.data(), head, epochs);
        if (epochs.stop != null) {
          // cut by the clock while it still led its rungs: its best score so far makes it a candidate
          double partial = epochs.stop == Trial.Status.OUT_OF_TIME && s.earlyStopping()
              && s.modelSize().isEmpty() ? epochs.best : Double.NaN;
          return done(number, trialArgs, epochs.stop, partial, epochs, t0, 0, epochs.detail);
        }
        double score = epochs.last;
        int cutoff = 0;
        if (q.isPresent()) {
          cutoff = q.get().cutoff();
          Quantizer.Quantized quantized = s.quantizer().orElseThrow()
              .quantize(model, train, trainName, q.get());
          score = score(r, quantized.predictors());
        }
        if (Double.isNaN(score)) {
          return done(number, trialArgs, Trial.Status.NO_SCORE, score, epochs, t0, cutoff,
              "the metric is not a number");
        }
        return done(number, trialArgs, Trial.Status.OK, score, epochs, t0, cutoff, "");
      } catch (TrainingDiverged e) {
        return done(number, trialArgs, Trial.Status.DIVERGED, Double.NaN, epochs, t0, 0,
            e.getMessage());
      } catch (ModelMemory.ModelTooLarge e) {
        // training's own heap check (A, B, the threads' copies), finer than tooLarge's
        return done(number, trialArgs, Trial.Status.TOO_LARGE, Double.NaN, epochs, t0, 0,
            e.getMessage());
      } catch (OutOfMemoryError e) {
        closeReading();
        return done(number, trialArgs, Trial.Status.OUT_OF_MEMORY, Double.NaN, epochs, t0, 0,
            "out of memory: " + mb(4L * a.dim() * a.effectiveBucket()) + " MB of n-gram rows alone");
      }
    }

    Trial done(int number, TrialArgs args, Trial.Status status, double score, Epochs epochs, long t0,
        int cutoff, String detail) {
      int ran = 0;
      double seconds = seconds(t0);
      if (epochs != null) {
        ran = epochs.epochs;
        cost.observe(args.args(), ran, epochs.trainSeconds, seconds - epochs.trainSeconds);
      }
      return new Trial(number, args, status, score, ran, seconds, cutoff, detail);
    }

    double seconds(long t0) {
      return (s.clock().getAsLong() - t0) / 1e9;
    }

    /** Why the model of {@code a} cannot be trained here, or null. */
    static String tooLarge(Dictionary dict, Args a) {
      long values = (dict.inputRows() + dict.nlabels()) * a.dim();
      if (dict.inputRows() * a.dim() > Integer.MAX_VALUE - 8L) {
        return "the input matrix (" + dict.inputRows() + " rows × dim " + a.dim()
            + ") is too large for one array";
      }
      long need = 4 * values + (values >> 3);
      Runtime rt = Runtime.getRuntime();
      long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      if (need > free) {
        System.gc(); // the last trial's matrices are garbage by now
        free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      }
      if (need > free) {
        return "the matrices need " + mb(need) + " MB, the heap has " + mb(free) + " MB free";
      }
      return null;
    }

    static long mb(long bytes) {
      return (bytes + (1 << 20) - 1) >> 20;
    }

    static String fmt(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Scores a trial after its last epoch, and stops it by the clock. */
    final class Epochs implements Trainer.Listener {
      final Reading r;
      final Args a;
      final double[] scores;
      int epochs;
      double best = Double.NaN;
      double last = Double.NaN;
      double trainSeconds;
      Trial.Status stop;
      String detail = "";

      Epochs(Reading r, Args a) {
        this.r = r;
        this.a = a;
        scores = new double[a.epoch()];
        Arrays.fill(scores, Double.NaN);
      }

      @Override
      public boolean epochEnd(Trainer.Status st, TextClassifier current) {
        int e = st.epoch();
        epochs = e;
        trainSeconds = st.elapsedSeconds();
        boolean lastEpoch = e >= a.epoch();
        if (e == 1 && s.earlyStopping()) {
          // the loss of epoch 1, each line's taken before the update on it: higher is worse
          MedianStoppingRule rule = rules.computeIfAbsent(SearchLoss.text(a.loss(), a.lossOptions()),
              k -> MedianStoppingRule.standard());
          double median = -rule.median(1);
          boolean worse = !lastEpoch && rule.shouldStop(1, -st.loss());
          rule.record(new double[] {-st.loss()});
          if (worse) {
            epochs = 1;
            stop = Trial.Status.STOPPED;
            detail = String.format(Locale.ROOT, "epoch 1 loss %.6f, not below the median %.6f",
                st.loss(), median);
            return false;
          }
        }
        if (lastEpoch && s.modelSize().isEmpty()) { // with a size, the quantized model is scored
          long v0 = s.clock().getAsLong();
          double v = score(r, () -> LinePredictor.of(current));
          trainSeconds += seconds(v0);
          scores[e - 1] = v;
          last = v;
          if (!Double.isNaN(v) && (Double.isNaN(best) || v > best)) {
            best = v;
          }
        }
        if (lastEpoch) {
          return true;
        }
        double now = elapsed();
        double perEpoch = st.elapsedSeconds() / e;
        if (now + perEpoch * (a.epoch() - e) <= s.durationSeconds()) {
          return true;
        }
        stop = Trial.Status.OUT_OF_TIME;
        detail = String.format(Locale.ROOT, "%d more epochs of %.2f s would end past %s s",
            a.epoch() - e, perEpoch, fmt(s.durationSeconds()));
        if (s.earlyStopping()) {
          // it passed epoch 1: scored as it stands, it can be the best trial
          long v0 = s.clock().getAsLong();
          double v = score(r, () -> LinePredictor.of(current));
          trainSeconds += seconds(v0);
          scores[e - 1] = v;
          if (!Double.isNaN(v) && (Double.isNaN(best) || v > best)) {
            best = v;
          }
          detail += "; scored as it stands";
        }
        return false;
      }
    }
  }
}
