package dev.losslab.bench;

import dev.losslab.text.io.Document;
import dev.losslab.text.io.DocumentReader;
import dev.losslab.text.io.InputFormat;
import dev.losslab.text.io.InputOptions;
import dev.losslab.text.io.TextSources;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a CSV or TSV file into documents through {@link TextSources}, as the text classifier reads
 * {@code -format csv|tsv} input: a header row, the label in column 1, the text in the others. {@code
 * -p input=FILE} reads a file of that layout (e.g. IMDB's training set converted to a label column and
 * a quoted text column); without it the benchmark writes 25,000 rows of about 1,300 characters each,
 * with quotes and commas inside quoted CSV fields, to a temporary file first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TextSourcesBenchmark {

  /** The file to read; empty: a generated one. */
  @Param({""})
  public String input;

  /** {@code csv} or {@code tsv}. */
  @Param({"csv"})
  public String format;

  private Path file;
  private Path generated;
  private InputOptions options;

  @Setup
  public void setUp() throws IOException {
    InputFormat f = InputFormat.parse(format);
    options = InputOptions.of(f).withHeader(true);
    if (input.isEmpty()) {
      generated = Files.createTempFile("text-sources", "." + format);
      write(generated, f == InputFormat.CSV);
      file = generated;
    } else {
      file = Path.of(input);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    if (generated != null) {
      Files.delete(generated);
    }
  }

  /** Every document of the file; returns the characters and labels read, so nothing is dropped. */
  @Benchmark
  public long read(CpuTime cpu) throws IOException {
    long start = CpuTime.now();
    long n = 0;
    try (DocumentReader r = TextSources.open(file, options)) {
      for (Document d = r.next(); d != null; d = r.next()) {
        n += d.text().length() + d.labels().size();
      }
    }
    cpu.add(start);
    return n;
  }

  private static void write(Path p, boolean csv) throws IOException {
    SplittableRandom rnd = new SplittableRandom(1);
    String[] words = {"the", "film", "was", "a", "great", "dull", "plot", "acting", "i", "loved",
        "it", "not", "\"so\"", "bad,", "très", "movie", "of", "and", "to", "scene"};
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write(csv ? "label,text\n" : "label\ttext\n");
      for (int row = 0; row < 25_000; row++) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 1_300) {
          text.append(words[rnd.nextInt(words.length)]).append(' ');
        }
        String t = text.toString().strip();
        w.write(rnd.nextBoolean() ? "pos" : "neg");
        w.write(csv ? ",\"" + t.replace("\"", "\"\"") + "\"\n" : "\t" + t + "\n");
      }
    }
  }
}
