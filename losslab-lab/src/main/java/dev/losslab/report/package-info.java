/**
 * Reports: a document model ({@link dev.losslab.report.Report}: sections of text, tables and line
 * plots, plus every measured number), its writers ({@code index.html} as well-formed XHTML with PNG
 * figures drawn by XChart, {@code results.csv}, {@code results.json}), the atomic swap that replaces a
 * report folder only once the new one is complete, and the console's progress bar and tables.
 */
package dev.losslab.report;
