package dev.losslab.report;

import java.util.List;
import java.util.Objects;

/**
 * A heat map: one coloured cell per pair of an x category and a y category, its colour the value on a
 * scale from {@code min} (light) to {@code max} (dark), its value written in it. A grid of two swept
 * options draws one per loss. A non-finite value leaves its cell blank (not drawn) and is reported as
 * omitted. Rendered to PNG by {@link PlotRenderer}.
 *
 * @param title the figure title
 * @param xLabel the x axis label (the first swept option)
 * @param yLabel the y axis label (the second)
 * @param xCategories the x values, left to right
 * @param yCategories the y values, bottom to top
 * @param values {@code values[y][x]}, one row per y category
 * @param min the value of the lightest colour
 * @param max the value of the darkest colour
 */
public record HeatMapPlot(String title, String xLabel, String yLabel, List<String> xCategories,
    List<String> yCategories, double[][] values, double min, double max) implements Plot {

  /** Checks the shape and the scale. */
  public HeatMapPlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    xCategories = List.copyOf(xCategories);
    yCategories = List.copyOf(yCategories);
    if (xCategories.isEmpty() || yCategories.isEmpty()) {
      throw new IllegalArgumentException("heat map '" + title + "' has no categories");
    }
    if (values.length != yCategories.size()) {
      throw new IllegalArgumentException("heat map '" + title + "': " + values.length + " rows for "
          + yCategories.size() + " y categories");
    }
    for (double[] row : values) {
      if (row.length != xCategories.size()) {
        throw new IllegalArgumentException("heat map '" + title + "': a row has " + row.length
            + " values for " + xCategories.size() + " x categories");
      }
    }
    if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("heat map '" + title + "': scale [" + min + ", " + max
          + "] is not a finite interval");
    }
  }

  /** How many cells have no finite value. */
  public int missing() {
    int n = 0;
    for (double[] row : values) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          n++;
        }
      }
    }
    return n;
  }
}
