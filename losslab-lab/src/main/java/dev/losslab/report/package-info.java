/**
 * Reports: a document model ({@link dev.losslab.report.Report}: sections of text, tables and line
 * plots, plus every measured number), its writers ({@code index.html} as well-formed XHTML with PNG
 * figures drawn by XChart, {@code results.csv}, {@code results.json}), the atomic swap that replaces a
 * report folder only once the new one is complete, and the console's progress bar and tables.
 *
 * <p>The comparisons and experiments of {@link dev.losslab.experiment} build their reports; a report
 * of one's own is built and written the same way:
 *
 * <pre>{@code
 * Report report = Report.builder("my study").configure("seed", 1)
 *     .section(Section.builder("main", "Results").paragraph("What was measured.").build())
 *     .build();
 * ReportWriter.write(report, Path.of("report"));      // or Lab.write(report, dir), which returns index.html
 * }</pre>
 */
package dev.losslab.report;
