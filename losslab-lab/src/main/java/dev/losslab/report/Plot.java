package dev.losslab.report;

/**
 * What a report figure draws: a {@link LinePlot} (curves over a numeric or categorical x axis), a
 * {@link BarPlot} (grouped bars over named categories) or a {@link HeatMapPlot} (a value per pair of
 * categories). Rendered to PNG by {@link PlotRenderer}.
 */
public sealed interface Plot permits LinePlot, BarPlot, HeatMapPlot {

  /** The figure title, also the image's alternative text. */
  String title();
}
