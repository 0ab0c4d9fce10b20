package dev.losslab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grouped bar chart: one group of bars per category, one bar per series in each group, bars rising
 * from 0 (a negative height points down, a height of 0 draws no bar). Rendered to PNG by
 * {@link PlotRenderer}; a series with a non-finite height is not drawn and is reported as omitted.
 *
 * @param title the figure title
 * @param xLabel the category axis label
 * @param yLabel the value axis label, with its unit or normalisation
 * @param categories the group names, left to right
 * @param series the bar series, in legend order, each with one height per category
 * @param yMin lower end of the value axis, or {@code null} to fit the data
 * @param yMax upper end of the value axis, or {@code null} to fit the data
 */
public record BarPlot(String title, String xLabel, String yLabel, List<String> categories,
    List<Bars> series, Double yMin, Double yMax) implements Plot {

  public BarPlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("bar plot '" + title + "' has no categories");
    }
    if (series.isEmpty()) {
      throw new IllegalArgumentException("bar plot '" + title + "' has no series");
    }
    for (Bars b : series) {
      if (b.heights().length != categories.size()) {
        throw new IllegalArgumentException("bar plot '" + title + "': series '" + b.name() + "' has "
            + b.heights().length + " heights for " + categories.size() + " categories");
      }
    }
    if ((yMin == null) != (yMax == null) || (yMin != null && !(yMin < yMax))) {
      throw new IllegalArgumentException(
          "bar plot '" + title + "': y range [" + yMin + ", " + yMax + "] is not an interval");
    }
  }

  /**
   * One series of bars.
   *
   * @param name legend entry
   * @param heights one bar height per category
   */
  public record Bars(String name, double[] heights) {
    public Bars {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(heights, "heights");
    }

    /** Whether every height can be drawn. */
    public boolean finite() {
      for (double h : heights) {
        if (!Double.isFinite(h)) {
          return false;
        }
      }
      return true;
    }
  }

  public static Builder builder(String title, String xLabel, String yLabel, List<String> categories) {
    return new Builder(title, xLabel, yLabel, categories);
  }

  /** Collects the series of one bar plot. */
  public static final class Builder {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<Bars> series = new ArrayList<>();
    private Double yMin;
    private Double yMax;

    private Builder(String title, String xLabel, String yLabel, List<String> categories) {
      this.title = title;
      this.xLabel = xLabel;
      this.yLabel = yLabel;
      this.categories = List.copyOf(categories);
    }

    /** Fixes the value axis to {@code [lo, hi]}. */
    public Builder yRange(double lo, double hi) {
      this.yMin = lo;
      this.yMax = hi;
      return this;
    }

    public Builder series(String name, double[] heights) {
      series.add(new Bars(name, heights.clone()));
      return this;
    }

    public BarPlot build() {
      return new BarPlot(title, xLabel, yLabel, categories, series, yMin, yMax);
    }
  }
}
