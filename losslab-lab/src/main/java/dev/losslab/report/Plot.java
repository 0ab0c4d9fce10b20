package dev.losslab.report;

/**
 * What a report figure draws: a {@link LinePlot} (curves over a numeric x axis) or a {@link BarPlot}
 * (grouped bars over named categories). Rendered to PNG by {@link PlotRenderer}.
 */
public sealed interface Plot permits LinePlot, BarPlot {

  /** The figure title, also the image's alternative text. */
  String title();
}
