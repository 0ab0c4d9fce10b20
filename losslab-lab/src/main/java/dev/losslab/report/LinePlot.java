package dev.losslab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a line figure shows: title, axis labels, axis scales and curves. Rendered to PNG by
 * {@link PlotRenderer}. On a logarithmic axis, points at or below zero cannot be drawn and are left
 * out; a band's lower edge is raised to the smallest drawable value of the plot.
 *
 * @param title the figure title
 * @param xLabel the x axis label, with its unit
 * @param yLabel the y axis label, with its unit
 * @param logX logarithmic x axis
 * @param logY logarithmic y axis
 * @param curves the lines, in legend order
 * @param yMin lower end of the y axis, or {@code null} to fit the data
 * @param yMax upper end of the y axis, or {@code null} to fit the data
 * @param xMin lower end of the x axis, or {@code null} to fit the data
 * @param xMax upper end of the x axis, or {@code null} to fit the data
 * @param xCategories names of the x positions 1, 2, … (a categorical axis: the curves' x values are
 *     those positions, and the axis shows the names); empty for a numeric axis
 */
public record LinePlot(String title, String xLabel, String yLabel, boolean logX, boolean logY,
    List<Curve> curves, Double yMin, Double yMax, Double xMin, Double xMax, List<String> xCategories)
    implements Plot {

  public LinePlot {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    curves = List.copyOf(curves);
    xCategories = xCategories == null ? List.of() : List.copyOf(xCategories);
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("plot '" + title + "' has no curves");
    }
    if (!xCategories.isEmpty() && logX) {
      throw new IllegalArgumentException("plot '" + title + "': a categorical x axis is not logarithmic");
    }
  }

  /** A plot over a numeric x axis. */
  public LinePlot(String title, String xLabel, String yLabel, boolean logX, boolean logY,
      List<Curve> curves, Double yMin, Double yMax, Double xMin, Double xMax) {
    this(title, xLabel, yLabel, logX, logY, curves, yMin, yMax, xMin, xMax, List.of());
  }

  public static Builder builder(String title, String xLabel, String yLabel) {
    return new Builder(title, xLabel, yLabel);
  }

  /** Collects the curves of one plot. */
  public static final class Builder {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private final List<Curve> curves = new ArrayList<>();
    private Double yMin;
    private Double yMax;
    private Double xMin;
    private Double xMax;
    private List<String> xCategories = List.of();

    private Builder(String title, String xLabel, String yLabel) {
      this.title = title;
      this.xLabel = xLabel;
      this.yLabel = yLabel;
    }

    public Builder logX() {
      this.logX = true;
      return this;
    }

    public Builder logY() {
      this.logY = true;
      return this;
    }

    /** Fixes the y axis to {@code [lo, hi]}; lines leaving it are clipped. */
    public Builder yRange(double lo, double hi) {
      this.yMin = lo;
      this.yMax = hi;
      return this;
    }

    /** Fixes the x axis to {@code [lo, hi]}. */
    public Builder xRange(double lo, double hi) {
      this.xMin = lo;
      this.xMax = hi;
      return this;
    }

    /**
     * Makes the x axis categorical: position {@code i + 1} is named {@code names.get(i)}, and the
     * curves' x values are positions.
     */
    public Builder xCategories(List<String> names) {
      this.xCategories = List.copyOf(names);
      return this;
    }

    public Builder curve(Curve c) {
      curves.add(c);
      return this;
    }

    public LinePlot build() {
      return new LinePlot(title, xLabel, yLabel, logX, logY, curves, yMin, yMax, xMin, xMax,
          xCategories);
    }
  }
}
