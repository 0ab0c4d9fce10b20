package dev.losslab.cli.text;

import dev.losslab.text.Corpus;
import dev.losslab.text.Meter;
import dev.losslab.text.Predictions;
import dev.losslab.text.Quantizer;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.Trainer;
import dev.losslab.text.Workspace;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What {@code supervised} shows while it trains: on an interactive terminal a progress bar redrawn
 * in place (progress, words/sec/thread, lr, average loss, ETA, as fastText); otherwise one plain line
 * per epoch. With {@code -validation}, P@1 and R@1 on the validation file after every epoch, and early
 * stopping after {@code -patience} epochs without a better P@1. For {@code quantize}, the same during
 * the retraining, and a collection once the cutoff lets the full input matrix go.
 */
final class TrainingProgress implements Quantizer.Listener {
  private final PrintStream err;
  private final boolean tty;
  private final int verbose;
  private final Corpus validation;
  private final int patience;
  private double best = Double.NEGATIVE_INFINITY;
  private int bestEpoch;
  private int stale;
  private boolean midLine;
  private String stopReason;

  TrainingProgress(PrintStream err, boolean tty, int verbose, Corpus validation, int patience) {
    this.err = err;
    this.tty = tty;
    this.verbose = verbose;
    this.validation = validation;
    this.patience = patience;
  }

  /**
   * {@code quantize -cutoff}: the full input matrix is garbage now; collecting it before the retraining
   * allocates lets the heap shrink rather than grow past it (imdb's {@code -cutoff 100000}: peak RSS
   * 1035 MB, against 1127 MB without; BENCHMARKS.md, "Quantize", three runs each).
   */
  @Override
  public void pruned() {
    HeapTrim.collect();
  }

  @Override
  public long intervalMillis() {
    return tty && verbose > 1 ? 100 : 0;
  }

  @Override
  public synchronized void progress(Trainer.Status s) {
    err.print("\r" + bar(s));
    err.flush();
    midLine = true;
  }

  private static String bar(Trainer.Status s) {
    int width = 20;
    int filled = (int) Math.round(s.progress() * width);
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < width; i++) {
      b.append(i < filled ? '#' : '.');
    }
    b.append(']');
    return String.format(Locale.ROOT,
        "%s Progress: %5.1f%% words/sec/thread: %8.0f lr: %.6f avg.loss: %.6f ETA: %s", b,
        100 * s.progress(), s.wordsPerSecondPerThread(), s.lr(), s.loss(), eta(s.etaSeconds()));
  }

  static String eta(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "--";
    }
    long t = Math.round(seconds);
    return String.format(Locale.ROOT, "%dh%2dm%2ds", t / 3600, (t / 60) % 60, t % 60);
  }

  @Override
  public synchronized boolean epochEnd(Trainer.Status s, TextClassifier current) {
    String valid = "";
    boolean go = true;
    if (validation != null) {
      Workspace ws = current.workspace();
      Meter m = current.test(validation, 1, 0f, ws, new Predictions(current.dictionary().nlabels()));
      double p = m.precision();
      valid = String.format(Locale.ROOT, " valid P@1 %.4f R@1 %.4f (N %d)", p, m.recall(),
          m.examples());
      if (p > best) {
        best = p;
        bestEpoch = s.epoch();
        stale = 0;
      } else if (patience > 0 && ++stale >= patience) {
        go = false;
        stopReason = "early stop: no better validation P@1 for " + patience + " epochs (best "
            + String.format(Locale.ROOT, "%.4f", best) + " at epoch " + bestEpoch + ")";
      }
    }
    if (verbose > 0 && (validation != null || !tty || verbose > 1)) {
      String line = String.format(Locale.ROOT,
          "epoch %d/%d words/sec/thread: %.0f lr: %.6f avg.loss: %.6f elapsed: %.1fs%s", s.epoch(),
          s.epochs(), s.wordsPerSecondPerThread(), s.lr(), s.loss(), s.elapsedSeconds(), valid);
      err.println((midLine ? "\r" : "") + line + (tty ? "\033[K" : ""));
      midLine = false;
      if (stopReason != null) {
        err.println(stopReason);
      }
      err.flush();
    }
    return go;
  }

  /** Ends the progress line. */
  synchronized void finish(Trainer.Status last) {
    if (midLine) {
      err.println();
      err.flush();
    }
  }
}
