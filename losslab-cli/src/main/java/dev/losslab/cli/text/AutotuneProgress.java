package dev.losslab.cli.text;

import dev.losslab.text.Args;
import dev.losslab.text.Trainer;
import dev.losslab.text.autotune.Autotune;
import dev.losslab.text.autotune.Trial;
import dev.losslab.text.autotune.TrialArgs;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What {@code supervised -autotune-validation} shows while it searches: on an interactive terminal a
 * bar redrawn in place twice a second (progress of the duration, trials, best score, time left, as
 * fastText); otherwise one line per trial with its arguments, status, score and cost. Then the final
 * training, shown as {@code supervised} shows training.
 */
final class AutotuneProgress implements Autotune.Listener {
  private final PrintStream err;
  private final boolean tty;
  private final int verbose;
  private final double duration;
  private final long start = System.nanoTime();
  private volatile int trials;
  private volatile double bestScore = Double.NaN;
  private volatile boolean searching = true;
  private Thread redraw;

  AutotuneProgress(PrintStream err, boolean tty, int verbose, double duration) {
    this.err = err;
    this.tty = tty;
    this.verbose = verbose;
    this.duration = duration;
    if (tty && verbose > 0) {
      redraw = new Thread(() -> {
        try {
          while (searching) {
            draw();
            Thread.sleep(500);
          }
        } catch (InterruptedException e) {
          // the search is over
        }
      }, "autotune-progress");
      redraw.setDaemon(true);
      redraw.start();
    }
  }

  private double elapsed() {
    return (System.nanoTime() - start) / 1e9;
  }

  private synchronized void draw() {
    if (!searching) {
      return;
    }
    double p = Math.min(1.0, elapsed() / duration);
    int width = 20;
    int filled = (int) Math.round(p * width);
    StringBuilder b = new StringBuilder("\r[");
    for (int i = 0; i < width; i++) {
      b.append(i < filled ? '#' : '.');
    }
    b.append(String.format(Locale.ROOT, "] Progress: %5.1f%% Trials: %4d Best score: %9s ETA: %s",
        100 * p, trials, Double.isNaN(bestScore) ? "unknown" : String.format(Locale.ROOT, "%.6f",
            bestScore), TrainingProgress.eta(Math.max(0, duration - elapsed()))));
    err.print(b + "\033[K");
    err.flush();
  }

  @Override
  public void read(java.util.List<dev.losslab.text.InputIssue> issues) {
    for (dev.losslab.text.InputIssue issue : issues) {
      err.println("losslab supervised: warning: " + issue.message());
    }
  }

  @Override
  public void trialStarted(int number, TrialArgs args, double elapsedSeconds) {
    trials = number;
  }

  @Override
  public synchronized void trialEnded(Trial trial, Trial best, double elapsedSeconds) {
    if (best != null) {
      bestScore = best.score();
    }
    if (tty || verbose < 2) {
      return;
    }
    err.println(String.format(Locale.ROOT,
        "trial %d: %s%s, %s; %d epochs in %.1fs; best %s; %s left", trial.number(),
        trial.status().text(), Double.isNaN(trial.score()) ? ""
            : String.format(Locale.ROOT, " %.6f", trial.score()), describe(trial.args()),
        trial.epochs(), trial.seconds(), best == null ? "none"
            : String.format(Locale.ROOT, "%.6f (trial %d)", best.score(), best.number()),
        TrainingProgress.eta(Math.max(0, duration - elapsedSeconds))));
    err.flush();
  }

  /** The searched arguments of a trial, as flags. */
  static String describe(TrialArgs t) {
    Args a = t.args();
    return String.format(Locale.ROOT,
        "-loss %s -lr %.4g -dim %d -epoch %d -wordNgrams %d -bucket %d -minn %d -maxn %d -dsub %d",
        t.lossText(), a.lr(), a.dim(), a.epoch(), a.wordNgrams(), a.effectiveBucket(), a.minn(),
        a.maxn(), t.dsub());
  }

  @Override
  public synchronized void retraining(Trial best) {
    stop();
    if (verbose > 0) {
      err.println("Training again with best arguments: " + describe(best.args()));
      err.flush();
    }
  }

  /** Ends the redrawn line. */
  synchronized void stop() {
    if (searching) {
      searching = false;
      if (redraw != null) {
        redraw.interrupt();
        err.println();
        err.flush();
      }
    }
  }

  private TrainingProgress finalProgress;

  @Override
  public Trainer.Listener finalTraining() {
    finalProgress = new TrainingProgress(err, tty, verbose, null, 0);
    return finalProgress;
  }

  /** Ends the final training's progress line. */
  void finish() {
    stop();
    if (finalProgress != null) {
      finalProgress.finish(null);
    }
  }
}
