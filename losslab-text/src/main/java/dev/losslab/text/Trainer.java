package dev.losslab.text;

import dev.losslab.formula.FormulaDomainException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hogwild SGD over {@code -thread} threads sharing the input matrix without locks, with fastText's
 * learning-rate schedule (fasttext.cc:632-678): per line, {@code lr = lr0·(1 − tokens/(epoch·ntokens))},
 * where {@code tokens} is a shared counter each thread updates once its local count exceeds
 * {@code -lrUpdateRate}, and {@code ntokens} counts every token of the training file.
 *
 * <p>Unlike fastText, the text is not re-read: the encoded lines ({@link EncodedLines}, a
 * {@link CorpusFile} for a training file) are read again each epoch, and an epoch is an exact pass in
 * file order (no shuffling, as fastText): one thread reads every line; two or more take the lines a
 * {@link Chunks chunk} at a time, so that they end the epoch together. Thread {@code t}'s random
 * generator is seeded with {@code seed + t}, so with {@code -thread 1} the same seed gives a
 * bit-identical model. With two threads or more each thread
 * trains on its own copy of the output matrix, synced with the shared one every few examples
 * ({@link OutputReplica}; {@link #replicatedOutput} says when), so that the threads do not fight over
 * the cache lines of a matrix every example writes. After each epoch the {@link Listener} sees the
 * model and may stop training (validation, early stopping).
 *
 * <p>A NaN or infinite loss stops all threads with {@link TrainingDiverged}, naming the loss, the step
 * and the learning rate, and suggesting a lower {@code -lr}; so does a formula loss that throws its
 * {@link FormulaDomainException} (which names the sub-expression that became non-finite).
 */
public final class Trainer {
  private Trainer() {}

  /** A snapshot of training. */
  public record Status(int epoch, int epochs, double progress, double wordsPerSecondPerThread,
      double lr, double loss, double elapsedSeconds, double etaSeconds) {}

  /** Watches training. */
  public interface Listener {
    /** Called about every {@link #intervalMillis()} from a monitor thread while training runs. */
    default void progress(Status s) {}

    /** How often {@link #progress} is called; 0 for never. */
    default long intervalMillis() {
      return 0;
    }

    /**
     * Called after each epoch with the current model.
     *
     * @return false to stop training now
     */
    default boolean epochEnd(Status s, TextClassifier current) {
      return true;
    }
  }

  /**
   * Trains a new model on the data.
   *
   * @throws ModelMemory.ModelTooLarge before anything is allocated if the model cannot fit the heap
   */
  public static TextClassifier train(Args args, TrainingData data, Head head, Listener listener) {
    Dictionary dict = data.dictionary();
    ModelMemory.check(dict.inputRows(), dict.nlabels(), args);
    Model model = Model.initialized(dict.inputRows(), dict.nlabels(), args.dim(), args.seed(),
        args.thread());
    data.initialize(model); // -pretrainedVectors: the file's rows replace the random ones
    TextClassifier classifier = new TextClassifier(args, dict, model, head);
    new Run(args, data.lines(), classifier, listener).run();
    return classifier;
  }

  /**
   * Trains an existing classifier further, in place, on encoded lines (an in-heap {@link Corpus} or
   * a {@link CorpusFile}), with the epochs, learning rate, threads, seed and {@code -lrUpdateRate} of
   * {@code args} and the same schedule as {@link #train(Args, TrainingData, Head, Listener)}
   * (fastText's {@code quantize -retrain} on a pruned model).
   */
  public static void train(TextClassifier classifier, Args args, EncodedLines lines,
      Listener listener) {
    new Run(args, lines, classifier, listener).run();
  }

  /** The threads' copies of the output matrix ({@link OutputReplica}) take at most this much heap. */
  static final long REPLICA_BUDGET = 256L << 20;

  /** Output matrices of at most this many rows are replicated whatever the head. */
  static final int SMALL_OUTPUT = 64;

  /**
   * Whether each of {@code threads} threads trains on its own copy of {@code B}: with two or more, for
   * a head that writes every row of {@code B} an example, or any head when {@code B} is small (every
   * row then written often by both threads), unless the copies would take more than
   * {@link #REPLICA_BUDGET}. {@code ns} and {@code hs} on a larger {@code B} write a few rows an
   * example, rarely the same ones in two threads, and a copy would cost more to sync than it saves.
   */
  static boolean replicatedOutput(int threads, Head head, long outputRows, int dim) {
    if (threads < 2 || threads * OutputReplica.bytes(outputRows, dim) > REPLICA_BUDGET) {
      return false;
    }
    boolean sparse = head instanceof NegativeSamplingHead || head instanceof HierarchicalSoftmaxHead;
    return !sparse || outputRows <= SMALL_OUTPUT;
  }

  /**
   * An epoch's lines handed out to two or more threads in chunks of decreasing size, from the start of
   * the file on (guided scheduling): a chunk is {@code 1/(2·threads)} of the lines not yet handed out,
   * and at least {@link #MIN_CHUNK} lines. A thread that runs faster takes more chunks, so the threads
   * end an epoch within a small chunk of each other. With fixed shares (thread {@code t} of {@code T}
   * taking lines {@code [t·L/T, (t+1)·L/T)}) the first to finish waited for the other at the end of
   * every epoch, as a noisy machine slows one core or the other: 0.21, 0.31 and 0.44 s in all in three
   * cooking runs of about 2.3 s.
   */
  static final class Chunks {
    static final long MIN_CHUNK = 16;

    private final long lines;
    private final int threads;
    private final AtomicLong next = new AtomicLong();

    Chunks(long lines, int threads) {
      this.lines = lines;
      this.threads = threads;
    }

    /** The first line of the next chunk, or -1 once every line of the epoch has been handed out. */
    long take() {
      while (true) {
        long from = next.get();
        if (from >= lines) {
          return -1;
        }
        if (next.compareAndSet(from, end(from))) {
          return from;
        }
      }
    }

    /** One past the last line of the chunk that starts at line {@code from}. */
    long end(long from) {
      long size = Math.max(MIN_CHUNK, (lines - from) / (2L * threads));
      return Math.min(lines, from + size);
    }
  }

  private static final class Run {
    final Args args;
    final EncodedLines corpus;
    final TextClassifier classifier;
    final Model model;
    final Head head;
    final Listener listener;
    final int threads;
    final long budget;
    final AtomicLong tokenCount = new AtomicLong();
    final AtomicLong steps = new AtomicLong();
    final AtomicReference<String> failure = new AtomicReference<>();
    /** An exception or error (out of memory, an I/O failure) that ended a training thread. */
    final AtomicReference<Throwable> crash = new AtomicReference<>();
    final Workspace[] workspaces;
    final OutputReplica[] replicas;
    /** The lock of the replicas' syncs. */
    final Object syncLock = new Object();
    final double[] lossSum;
    final long[] lossCount;
    volatile boolean stop;
    volatile int epoch;
    volatile float lastLr;
    long start;

    Run(Args args, EncodedLines corpus, TextClassifier classifier, Listener listener) {
      this.args = args;
      this.corpus = corpus;
      this.classifier = classifier;
      this.model = classifier.model();
      this.head = classifier.head();
      this.listener = listener == null ? new Listener() {} : listener;
      this.threads = (int) Math.max(1, Math.min(args.thread(), corpus.lineCount()));
      this.budget = Math.max(1, (long) args.epoch() * corpus.totalTokens());
      // each thread creates its own scratch (workspace()), so that two threads' arrays are not
      // neighbours in memory sharing a cache line
      workspaces = new Workspace[threads];
      replicas = replicatedOutput(threads, head, model.outputRows(), model.dim())
          ? new OutputReplica[threads] : null;
      lossSum = new double[threads * 8];
      lossCount = new long[threads * 8];
      lastLr = (float) args.lr();
    }

    Status status() {
      double elapsed = (System.nanoTime() - start) / 1e9;
      long tokens = tokenCount.get();
      double progress = Math.min(1.0, (double) tokens / budget);
      double loss = 0;
      long n = 0;
      for (int t = 0; t < threads; t++) {
        loss += lossSum[t * 8];
        n += lossCount[t * 8];
      }
      double wps = elapsed > 0 ? tokens / elapsed / threads : 0;
      double eta = progress > 0 ? elapsed * (1 - progress) / progress : Double.NaN;
      return new Status(epoch + 1, args.epoch(), progress, wps, lastLr, n == 0 ? Double.NaN : loss / n,
          elapsed, eta);
    }

    void run() {
      start = System.nanoTime();
      Thread monitor = null;
      if (listener.intervalMillis() > 0) {
        monitor = new Thread(() -> {
          try {
            while (!stop) {
              Thread.sleep(listener.intervalMillis());
              if (!stop) {
                listener.progress(status());
              }
            }
          } catch (InterruptedException e) {
            // training finished
          }
        }, "progress");
        monitor.setDaemon(true);
        monitor.start();
      }
      try {
        for (int e = 0; e < args.epoch(); e++) {
          epoch = e;
          runEpoch();
          Throwable c = crash.get();
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error er) {
            throw er;
          }
          if (failure.get() != null) {
            throw new TrainingDiverged(failure.get());
          }
          if (!listener.epochEnd(status(), classifier)) {
            break;
          }
        }
      } finally {
        stop = true;
        if (monitor != null) {
          monitor.interrupt();
        }
      }
    }

    void runEpoch() {
      long lines = corpus.lineCount();
      if (threads == 1) {
        work(0, null);
        return;
      }
      Chunks chunks = new Chunks(lines, threads);
      try {
        Threads.run(threads, "train", t -> work(t, chunks)); // work reports its own errors
      } catch (RuntimeException e) {
        stop = true; // interrupted: the threads stop too
        throw e;
      }
    }

    /**
     * Thread {@code t}'s share of an epoch: every line when {@code chunks} is null (one thread), else
     * the chunks it takes; an error it cannot report as a failure stops every thread.
     */
    void work(int t, Chunks chunks) {
      long from = chunks == null ? 0 : chunks.take();
      if (from < 0) {
        return; // the other threads took every line
      }
      long to = chunks == null ? corpus.lineCount() : chunks.end(from);
      try (EncodedLines.Cursor lines = corpus.cursor(from, to)) {
        train(t, lines, chunks);
      } catch (RuntimeException | Error e) {
        stop = true;
        crash.compareAndSet(null, e);
      }
    }

    /** Moves {@code lines} onto the first line of the epoch's next chunk; false when none is left. */
    static boolean nextChunk(EncodedLines.Cursor lines, Chunks chunks) {
      long from = chunks == null ? -1 : chunks.take();
      if (from < 0) {
        return false;
      }
      lines.moveTo(from, chunks.end(from));
      return lines.next(); // a chunk is never empty
    }

    Workspace workspace(int t) {
      Workspace ws = workspaces[t];
      if (ws == null) {
        ws = new Workspace(model.dim(), model.outputRows(), args.seed() + t);
        workspaces[t] = ws;
      }
      return ws;
    }

    /** Thread {@code t}'s copy of {@code B}, or null when it trains on the shared one. */
    OutputReplica replica(int t) {
      if (replicas == null) {
        return null;
      }
      if (replicas[t] == null) {
        replicas[t] = new OutputReplica(model, syncLock);
      }
      return replicas[t];
    }

    void train(int t, EncodedLines.Cursor lines, Chunks chunks) {
      Workspace ws = workspace(t);
      OutputReplica replica = replica(t);
      Model m = model;
      if (replica != null) {
        replica.refresh();
        m = replica.model();
      }
      int rate = args.lrUpdateRate();
      double lr0 = args.lr();
      double sum = 0;
      long count = 0;
      long local = 0;
      while (!stop && (lines.next() || nextChunk(lines, chunks))) {
        float progress = (float) ((double) tokenCount.get() / budget);
        float lr = (float) (lr0 * (1.0 - progress));
        double loss;
        try {
          loss = m.update(lines.rows(), lines.rowsFrom(), lines.rowsTo(), lines.labels(),
              lines.labelsFrom(), lines.labelsTo(), lr, head, ws);
        } catch (FormulaDomainException e) {
          // a formula loss reports where it became non-finite instead of returning NaN
          long step = steps.get() + count + 1;
          failure.compareAndSet(null, e.getMessage() + ", at step " + step + " (epoch " + (epoch + 1)
              + ", line " + (lines.line() + 1) + " of the usable lines, lr " + lr
              + "); try a lower -lr (now " + lr0 + ")");
          stop = true;
          return;
        }
        if (!Double.isFinite(loss)) {
          long step = steps.get() + count + 1;
          failure.compareAndSet(null,
              "the " + head.name() + " loss became " + (Double.isNaN(loss) ? "NaN" : "infinite")
                  + " at step " + step + " (epoch " + (epoch + 1) + ", line " + (lines.line() + 1)
                  + " of the usable lines, lr " + lr + "); try a lower -lr (now " + lr0 + ")");
          stop = true;
          return;
        }
        sum += loss;
        count++;
        if (replica != null) {
          replica.afterExample();
        }
        local += lines.tokens();
        if (local > rate) {
          tokenCount.addAndGet(local);
          local = 0;
          lossSum[t * 8] = sum;
          lossCount[t * 8] = count;
          if (t == 0) {
            lastLr = lr;
          }
          if (failure.get() != null) {
            return;
          }
        }
      }
      if (replica != null) {
        replica.sync();
      }
      tokenCount.addAndGet(local);
      steps.addAndGet(count);
      lossSum[t * 8] = sum;
      lossCount[t * 8] = count;
    }
  }
}
