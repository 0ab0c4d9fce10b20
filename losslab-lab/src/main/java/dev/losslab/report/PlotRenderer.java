package dev.losslab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Plot} to a PNG file with XChart, headless: a {@link LinePlot} as an XY chart, a
 * {@link BarPlot} as a grouped category chart, a {@link HeatMapPlot} as XChart's heat map. Curves and
 * bar series get colours from a fixed colour-blind-safe palette (Okabe–Ito, then Tableau) so the same
 * loss has the same colour in every figure of a report when the series are given in the same order; a
 * band is drawn as a translucent polygon under its line. Numeric x axes get round tick steps even over
 * an equally spaced sweep; a categorical one names its positions.
 */
public final class PlotRenderer {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private PlotRenderer() {}

  /** Width and height of every figure, in pixels. */
  public static final int WIDTH = 900;
  public static final int HEIGHT = 520;

  private static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
    new Color(0x00, 0x00, 0x00), new Color(0x8C, 0x56, 0x4B), new Color(0x7F, 0x7F, 0x7F),
    new Color(0xBC, 0xBD, 0x22), new Color(0x17, 0xBE, 0xCF), new Color(0xF0, 0xE4, 0x42),
  };

  /** The colour of the {@code i}-th curve. */
  public static Color color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /**
   * Writes {@code plot} to {@code file} (PNG).
   *
   * @return the names of curves or bar series that could not be drawn
   */
  public static List<String> writePng(Plot plot, Path file) throws IOException {
    if (plot instanceof BarPlot bars) {
      return writePng(bars, file);
    }
    if (plot instanceof HeatMapPlot heat) {
      return writePng(heat, file);
    }
    return writePng((LinePlot) plot, file);
  }

  /** Light to dark: the heat map's scale, from the palette's sky blue to its blue. */
  private static final Color[] HEAT = {
    new Color(0xF7, 0xFB, 0xFF), new Color(0x9E, 0xCA, 0xE1), new Color(0x42, 0x92, 0xC6),
    new Color(0x08, 0x45, 0x94),
  };

  /**
   * Writes {@code plot} to {@code file} (PNG) as a heat map with each cell's value written in it.
   *
   * @return {@code "N cells without a value"} when some cell is non-finite (left blank), else nothing
   */
  public static List<String> writePng(HeatMapPlot plot, Path file) throws IOException {
    HeatMapChart chart = new HeatMapChart(WIDTH, HEIGHT);
    chart.setTitle(plot.title());
    chart.setXAxisTitle(plot.xLabel());
    chart.setYAxisTitle(plot.yLabel());
    var st = chart.getStyler();
    common(st);
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    st.setMin(plot.min());
    st.setMax(plot.max());
    st.setRangeColors(HEAT);
    st.setShowValue(true);
    st.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    st.setValueFontColor(Color.BLACK);
    st.setHeatMapValueDecimalPattern("0.000");
    st.setDrawBorder(true);
    st.setPlotGridLinesVisible(false);
    List<Number[]> cells = new ArrayList<>();
    for (int y = 0; y < plot.yCategories().size(); y++) {
      for (int x = 0; x < plot.xCategories().size(); x++) {
        double v = plot.values()[y][x];
        if (Double.isFinite(v)) {
          cells.add(new Number[] {x, y, v});
        }
      }
    }
    chart.addSeries(plot.title(), plot.xCategories(), plot.yCategories(), cells);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    int missing = plot.missing();
    return missing == 0 ? List.of() : List.of(missing + (missing == 1 ? " cell" : " cells")
        + " without a value");
  }

  /**
   * Writes {@code plot} to {@code file} (PNG) as grouped bars, one colour per series.
   *
   * @return the names of series not drawn because a height is non-finite
   */
  public static List<String> writePng(BarPlot plot, Path file) throws IOException {
    CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
    chart.setTitle(plot.title());
    chart.setXAxisTitle(plot.xLabel());
    chart.setYAxisTitle(plot.yLabel());
    var st = chart.getStyler();
    common(st);
    st.setOverlapped(false);
    st.setAvailableSpaceFill(0.8);
    st.setYAxisDecimalPattern("#,##0.##");
    if (plot.yMin() != null) {
      st.setYAxisMin(plot.yMin());
      st.setYAxisMax(plot.yMax());
    }
    List<String> omitted = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < plot.series().size(); i++) {
      BarPlot.Bars bars = plot.series().get(i);
      if (!bars.finite()) {
        omitted.add(bars.name());
        continue;
      }
      List<Double> heights = new ArrayList<>();
      for (double h : bars.heights()) {
        heights.add(h);
      }
      CategorySeries s = chart.addSeries(uniqueName(names, bars.name()), plot.categories(), heights);
      s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
      s.setFillColor(color(i));
      s.setLineColor(color(i));
      s.setMarkerColor(color(i));
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no drawable values", plot.categories(),
          java.util.Collections.nCopies(plot.categories().size(), 0.0));
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return omitted;
  }

  /**
   * Writes {@code plot} to {@code file} (PNG).
   *
   * @return the names of curves that had no drawable point (all non-finite, or ≤ 0 on a log axis)
   */
  public static List<String> writePng(LinePlot plot, Path file) throws IOException {
    XYChart chart = new XYChart(WIDTH, HEIGHT);
    chart.setTitle(plot.title());
    chart.setXAxisTitle(plot.xLabel());
    chart.setYAxisTitle(plot.yLabel());
    style(chart, plot);

    double floor = plot.logY() ? smallestPositive(plot) : Double.NEGATIVE_INFINITY;
    List<String> omitted = new ArrayList<>();
    List<Runnable> lines = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    if (!plot.xCategories().isEmpty()) {
      // positions 1 … n, equally spaced, so XChart puts a tick on each; name it
      List<String> cats = plot.xCategories();
      chart.setCustomXAxisTickLabelsFormatter(x -> {
        long i = Math.round(x);
        return Math.abs(x - i) < 1e-9 && i >= 1 && i <= cats.size() ? cats.get((int) i - 1) : "";
      });
    } else if (!plot.logX()) {
      addTickAnchor(chart, plot, names); // first, so that its x values lead the axis's list
    }
    for (int c = 0; c < plot.curves().size(); c++) {
      Curve curve = plot.curves().get(c);
      Color color = color(c);
      double[][] pts = drawable(curve.x(), curve.y(), plot.logX(), plot.logY());
      if (pts[0].length == 0) {
        omitted.add(curve.name());
        continue;
      }
      if (curve.hasBand()) {
        addBand(chart, curve, c, color, plot, floor);
      }
      String name = uniqueName(names, curve.name());
      lines.add(() -> {
        XYSeries s = chart.addSeries(name, pts[0], pts[1]);
        s.setXYSeriesRenderStyle(curve.markers() ? XYSeries.XYSeriesRenderStyle.Scatter
            : XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(pts[0].length == 1 || curve.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setLineWidth(2.2f);
        s.setLineStyle(curve.dashed() ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
      });
    }
    for (Runnable r : lines) {
      r.run();
    }
    if (chart.getSeriesMap().isEmpty()) {
      XYSeries s = chart.addSeries("no drawable values", new double[] {1}, new double[] {1});
      s.setMarker(SeriesMarkers.NONE);
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return omitted;
  }

  /**
   * XChart 3.8 places x ticks on every n-th data value when the x values of all series together are
   * equally spaced (a sweep grid), whatever the decimal pattern or tick spacing hint: a 401-point grid
   * over [−10, 10] then gets ticks at −10, −9.1, −8.2, …. An invisible series added first, through the
   * two ends of the data's x range (at a y the data already reach, so no axis moves), breaks that
   * spacing, and the axis falls back to XChart's round 1-2-5 tick steps. Nothing when no point is
   * drawable.
   */
  private static void addTickAnchor(XYChart chart, LinePlot plot, java.util.Set<String> names) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double y = Double.NaN;
    for (Curve c : plot.curves()) {
      double[][] pts = drawable(c.x(), c.y(), false, plot.logY());
      for (int i = 0; i < pts[0].length; i++) {
        lo = Math.min(lo, pts[0][i]);
        hi = Math.max(hi, pts[0][i]);
        if (Double.isNaN(y)) {
          y = pts[1][i];
        }
      }
    }
    if (plot.xMin() != null) {
      lo = Math.max(lo, plot.xMin());
      hi = Math.min(hi, plot.xMax());
    }
    if (!(lo < hi)) {
      return;
    }
    XYSeries s = chart.addSeries(uniqueName(names, "tick anchor"), new double[] {lo, hi}, new double[] {y, y});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setLineStyle(SeriesLines.NONE);
    s.setLineColor(new Color(0, 0, 0, 0));
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }

  /** The look shared by line and bar figures. */
  private static void common(AxesChartStyler st) {
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderColor(new Color(0x99, 0x99, 0x99));
    st.setPlotGridLinesColor(new Color(0xE3, 0xE3, 0xE3));
    st.setPlotGridLinesStroke(new BasicStroke(1f));
    st.setChartTitleBoxVisible(false);
    st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    st.setLegendBorderColor(Color.WHITE);
    st.setLegendSeriesLineLength(28);
    st.setAntiAlias(true);
  }

  private static void style(XYChart chart, LinePlot plot) {
    var st = chart.getStyler();
    common(st);
    st.setXAxisLogarithmic(plot.logX());
    st.setYAxisLogarithmic(plot.logY());
    // Intermediate log labels only when the data span less than about two decades (else they overlap).
    st.setYAxisLogarithmicDecadeOnly(decades(plot) > 2);
    st.setXAxisLogarithmicDecadeOnly(true);
    st.setXAxisDecimalPattern("#,##0.###");
    st.setMarkerSize(7);
    if (plot.xMin() != null) {
      st.setXAxisMin(plot.xMin());
      st.setXAxisMax(plot.xMax());
    }
    if (plot.yMin() != null) {
      st.setYAxisMin(plot.yMin());
      st.setYAxisMax(plot.yMax());
    }
  }

  private static void addBand(XYChart chart, Curve curve, int index, Color color, LinePlot plot,
      double floor) {
    int n = curve.x().length;
    double[] bx = new double[2 * n];
    double[] by = new double[2 * n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double hi = curve.upper()[i];
      if (ok(curve.x()[i], plot.logX()) && Double.isFinite(hi) && (!plot.logY() || hi > 0)) {
        bx[m] = curve.x()[i];
        by[m++] = hi;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      double lo = curve.lower()[i];
      if (ok(curve.x()[i], plot.logX()) && Double.isFinite(lo) && Double.isFinite(curve.upper()[i])
          && (!plot.logY() || curve.upper()[i] > 0)) {
        bx[m] = curve.x()[i];
        by[m++] = Math.max(lo, floor);
      }
    }
    if (m < 3) {
      return;
    }
    XYSeries s = chart.addSeries("band " + index + " " + curve.name(),
        java.util.Arrays.copyOf(bx, m), java.util.Arrays.copyOf(by, m));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 48));
    s.setLineColor(new Color(0, 0, 0, 0));
    s.setLineStyle(SeriesLines.NONE);
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }

  /** How many decades the positive y values of {@code plot} span. */
  private static double decades(LinePlot plot) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Curve c : plot.curves()) {
      for (double v : c.y()) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return hi > 0 ? Math.log10(hi / lo) : 0;
  }

  private static boolean ok(double v, boolean log) {
    return Double.isFinite(v) && (!log || v > 0);
  }

  private static double[][] drawable(double[] x, double[] y, boolean logX, boolean logY) {
    int m = 0;
    double[] ox = new double[x.length];
    double[] oy = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      if (ok(x[i], logX) && ok(y[i], logY)) {
        ox[m] = x[i];
        oy[m++] = y[i];
      }
    }
    return new double[][] {java.util.Arrays.copyOf(ox, m), java.util.Arrays.copyOf(oy, m)};
  }

  private static double smallestPositive(LinePlot plot) {
    double min = Double.POSITIVE_INFINITY;
    for (Curve c : plot.curves()) {
      for (double v : c.y()) {
        if (v > 0 && v < min && Double.isFinite(v)) {
          min = v;
        }
      }
    }
    return Double.isFinite(min) ? min : 1e-300;
  }

  private static String uniqueName(java.util.Set<String> names, String name) {
    String n = name;
    int i = 2;
    while (!names.add(n)) {
      n = name + " (" + i++ + ")";
    }
    return n;
  }
}
