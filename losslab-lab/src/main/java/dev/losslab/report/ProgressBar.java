package dev.losslab.report;

import java.io.PrintWriter;

/**
 * A console progress bar: {@code [#########.........]  9/24  37%  cross-entropy seed 2  0:41}.
 * On a terminal it redraws one line with a carriage return; otherwise (a pipe, a log, a test) it
 * prints a line for each completed step, so logs stay readable.
 */
public final class ProgressBar {
  private static final int WIDTH = 28;

  private final PrintWriter out;
  private final int total;
  private final boolean interactive;
  private final long startNanos = System.nanoTime();
  private int done;

  /**
   * @param out where to draw
   * @param total number of steps
   * @param interactive whether {@code out} is a terminal (redraw in place)
   */
  public ProgressBar(PrintWriter out, int total, boolean interactive) {
    if (total < 0) {
      throw new IllegalArgumentException("total (" + total + ") must be >= 0");
    }
    this.out = out;
    this.total = total;
    this.interactive = interactive;
  }

  /** A bar on standard output, redrawn in place when standard output is a terminal. */
  public static ProgressBar onConsole(PrintWriter out, int total) {
    return new ProgressBar(out, total, System.console() != null);
  }

  /** Marks one more step done and shows {@code label} (what was just finished). */
  public void step(String label) {
    done = Math.min(total, done + 1);
    draw(out, interactive, render(label), done == total);
  }

  /** The bar's text after {@link #step}s so far. */
  String render(String label) {
    long secs = (System.nanoTime() - startNanos) / 1_000_000_000L;
    return bar(done, total) + "  " + clock(secs) + "  " + label;
  }

  /** {@code [#####.....]  9/24  37%}: the bar, the count (padded to {@code total}'s width), the share. */
  public static String bar(int done, int total) {
    int filled = total == 0 ? WIDTH : (int) Math.round((double) WIDTH * done / total);
    int pct = total == 0 ? 100 : (int) Math.round(100.0 * done / total);
    String width = Integer.toString(Integer.toString(total).length());
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format("%" + width + "d/%d %3d%%", done, total, pct);
  }

  /** {@code m:ss}. */
  public static String clock(long secs) {
    return secs / 60 + ":" + String.format("%02d", secs % 60);
  }

  /**
   * Shows {@code line}: on a terminal over the previous one (a new line after the {@code last}),
   * otherwise as a line of its own.
   */
  public static void draw(PrintWriter out, boolean interactive, String line, boolean last) {
    if (interactive) {
      out.print("\r" + line + "\u001b[K");
      if (last) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }
}
