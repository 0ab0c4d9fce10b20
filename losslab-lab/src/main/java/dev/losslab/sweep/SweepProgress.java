package dev.losslab.sweep;

import static dev.losslab.report.ProgressBar.bar;
import static dev.losslab.report.ProgressBar.clock;
import static dev.losslab.report.ProgressBar.draw;

import java.io.PrintWriter;

/**
 * The console's view of a sweep:
 * {@code [#########.........]  9/24  37%  reused 4  failed 1  0:41, about 1:10 left  gce seed 2}.
 * Runs the store held count as done from the start; the time left is the time per trained run so far
 * times the runs left. On a terminal the line is redrawn in place; otherwise (a pipe, a log, a test)
 * each finished run prints a line.
 */
public final class SweepProgress implements SweepListener {
  private final PrintWriter out;
  private final boolean interactive;
  private long start;
  private int total;
  private int reused;
  private int done;
  private int failed;

  /**
   * @param out where to draw
   * @param interactive whether {@code out} is a terminal (redraw in place)
   */
  public SweepProgress(PrintWriter out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /** Progress on standard output, redrawn in place when it is a terminal. */
  public static SweepProgress onConsole(PrintWriter out) {
    return new SweepProgress(out, System.console() != null);
  }

  @Override
  public void started(int total, int reused, String engine) {
    this.start = System.nanoTime();
    this.total = total;
    this.reused = reused;
    this.done = reused;
    if (reused == total) {
      out.println("compare: all " + total + " runs are in the store; nothing to train");
    } else {
      out.println("compare: " + total + (total == 1 ? " run" : " runs") + ", " + reused
          + " reused from the store, " + (total - reused) + " to train (" + engine + ")");
    }
    out.flush();
  }

  @Override
  public void finished(RunOutcome outcome, String label) {
    done = Math.min(total, done + 1);
    if (outcome.failed()) {
      failed++;
    }
    String status = outcome.record() == null ? " (error: " + outcome.error() + ")"
        : switch (outcome.record().status()) {
          case "diverged" -> " (diverged)";
          case "failed" -> " (failed: " + outcome.record().result().failure() + ")";
          default -> "";
        };
    draw(out, interactive, render(label + status, System.nanoTime() - start), done == total);
  }

  /** The line after the runs so far, {@code elapsedNanos} after the start. */
  String render(String label, long elapsedNanos) {
    long secs = elapsedNanos / 1_000_000_000L;
    int trained = done - reused;
    String left = "";
    if (trained > 0 && done < total) {
      long l = Math.round(elapsedNanos / 1e9 / trained * (total - done));
      left = ", about " + clock(l) + " left";
    }
    return bar(done, total) + "  reused " + reused + "  failed " + failed + "  " + clock(secs) + left
        + "  " + label;
  }
}
