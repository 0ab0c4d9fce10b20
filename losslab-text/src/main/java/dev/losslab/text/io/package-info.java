/**
 * Training and test input for the text classifier, from fastText's line format, CSV / TSV files or a
 * folder with one sub-folder per class, as a stream of {@link dev.losslab.text.io.Document}s or of
 * fastText lines ({@code __label__X text}).
 *
 * <p>Start at {@link dev.losslab.text.io.TextSources}: {@code open(path, options)} gives a
 * {@link dev.losslab.text.io.DocumentReader}; {@code writeFastText(path, options, writer)} converts a
 * whole input to fastText lines. {@link dev.losslab.text.io.InputOptions} says which format and which
 * columns. A malformed input (missing column, unterminated quote, invalid UTF-8) ends in an
 * {@link dev.losslab.text.io.InputFormatException} naming the file and line.
 *
 * <p>{@link dev.losslab.text.io.DelimitedRows} splits CSV, TSV and other delimited files into rows
 * (FastCSV underneath); the CSV / TSV documents and the lab's dense data files are read through it.
 */
package dev.losslab.text.io;
