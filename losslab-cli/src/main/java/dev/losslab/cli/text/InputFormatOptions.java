package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.TrainingData;
import dev.losslab.text.io.InputFormat;
import dev.losslab.text.io.InputOptions;
import dev.losslab.text.io.TextSources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Input layouts beyond fastText's lines: {@code -format csv|tsv|folder} with {@code -labelColumn},
 * {@code -textColumns}, {@code -header}, {@code -labelSeparator}. Such input is converted once, in
 * memory, to fastText lines, then read like a fastText file.
 */
final class InputFormatOptions {
  @Option(names = "-format", paramLabel = "FORMAT", description = "input layout: fasttext, csv, tsv, or folder (one sub-folder per class) [fasttext]")
  String format = "fasttext";
  @Option(names = "-labelColumn", paramLabel = "N", description = "csv/tsv: 1-based column of the label [1]")
  int labelColumn = 1;
  @Option(names = "-textColumns", paramLabel = "COLUMNS", description = "csv/tsv: 1-based columns of the text, N,M,... [all but the label's]")
  String textColumns;
  @Option(names = "-header", description = "csv/tsv: skip the first row")
  boolean header;
  @Option(names = "-labelSeparator", paramLabel = "SEP", description = "csv/tsv: split a label cell into several labels")
  String labelSeparator = "";

  InputFormat parsed() {
    return InputFormat.parse(format);
  }

  /** The bytes of {@code file} as fastText lines, opened as often as needed. */
  TrainingData.Source source(Path file, String labelPrefix) {
    InputFormat f = parsed();
    if (f == InputFormat.FASTTEXT) {
      return TrainingData.file(file);
    }
    InputOptions o = InputOptions.of(f).withLabelPrefix(labelPrefix).withHeader(header)
        .withLabelSeparator(labelSeparator)
        .withColumns(labelColumn, textColumns == null ? java.util.List.of()
            : InputOptions.parseColumns(textColumns));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      TextSources.writeFastText(file, o, w);
    } catch (NoSuchFileException e) {
      throw new Errors.UserException(file + ": no such file or folder");
    } catch (IOException e) {
      String m = e.getMessage();
      throw new Errors.UserException(m != null && m.contains(file.toString()) ? m : file + ": " + m);
    }
    byte[] b = bytes.toByteArray();
    return () -> new ByteArrayInputStream(b);
  }
}
