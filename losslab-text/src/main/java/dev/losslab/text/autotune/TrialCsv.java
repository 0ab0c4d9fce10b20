package dev.losslab.text.autotune;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.losslab.text.Args;
import dev.losslab.text.format.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trials of a search as CSV ({@code PREFIX.autotune.csv}): one row per trial, in order, with every
 * argument it trained with, its score, the epochs it ran, its seconds and its status. Fields that hold
 * commas or quotes (a formula loss) are quoted as RFC 4180 says. The file is rewritten atomically after
 * every trial, so it is always complete and can be watched while the search runs.
 *
 * <p>Columns: {@code trial, loss, lr, dim, epoch, wordNgrams, bucket, minn, maxn, dsub, cutoff,
 * minCount, minCountLabel, neg, lrUpdateRate, thread, seed, score, epochs, seconds, status, detail}.
 * {@code score} is empty for a trial without one; {@code cutoff} is 0 unless a model size is asked for.
 */
public final class TrialCsv {
  /** The header row. */
  public static final List<String> COLUMNS = List.of("trial", "loss", "lr", "dim", "epoch",
      "wordNgrams", "bucket", "minn", "maxn", "dsub", "cutoff", "minCount", "minCountLabel", "neg",
      "lrUpdateRate", "thread", "seed", "score", "epochs", "seconds", "status", "detail");

  private final Path file;
  private final List<Trial> trials = new ArrayList<>();

  /** @param file where the rows go */
  public TrialCsv(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Adds a trial and rewrites the file. */
  public void add(Trial t) throws IOException {
    trials.add(t);
    AtomicFiles.writeString(file, render(trials));
  }

  /** The CSV text of {@code trials}. */
  public static String render(List<Trial> trials) {
    StringWriter out = new StringWriter();
    try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out)) {
      w.writeRecord(COLUMNS);
      for (Trial t : trials) {
        w.writeRecord(row(t));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static List<String> row(Trial t) {
    Args a = t.args().args();
    return List.of(Integer.toString(t.number()), t.args().lossText(), Double.toString(a.lr()),
        Integer.toString(a.dim()), Integer.toString(a.epoch()), Integer.toString(a.wordNgrams()),
        Integer.toString(a.effectiveBucket()), Integer.toString(a.minn()), Integer.toString(a.maxn()),
        Integer.toString(t.args().dsub()), Integer.toString(t.cutoff()), Integer.toString(a.minCount()),
        Integer.toString(a.minCountLabel()), Integer.toString(a.neg()),
        Integer.toString(a.lrUpdateRate()), Integer.toString(a.thread()), Long.toString(a.seed()),
        Double.isNaN(t.score()) ? "" : Double.toString(t.score()), Integer.toString(t.epochs()),
        String.format(Locale.ROOT, "%.3f", t.seconds()), t.status().text(), t.detail());
  }
}
