package dev.losslab.bench;

import dev.losslab.text.Prediction;
import dev.losslab.text.TextModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prediction throughput of the Java API: {@link TextModel#predict(String, int, double)} called from
 * one or more threads on one shared model, in documents per second.
 *
 * <p>{@code java -cp benchmarks.jar dev.losslab.bench.TextModelThroughput MODEL FILE THREADS [SECONDS]}
 * loads {@code MODEL}, reads {@code FILE}'s lines into memory (a fastText test file: the labels on a
 * line are ignored, as {@code fasttext predict} ignores them), predicts every line once on the calling
 * thread to warm up, then has {@code THREADS} threads predict the lines ({@code k = 1}, threshold 0;
 * thread {@code t} takes lines {@code t, t + THREADS, ...}) in whole passes until at least
 * {@code SECONDS} (default 5) have gone by. It prints one line: {@code THREADS docs/s DOCS SECONDS
 * CHECKSUM}, the checksum being the number of distinct top labels seen (so the work cannot be dropped).
 * Loading, reading and the warm-up are not timed.
 */
public final class TextModelThroughput {
  private TextModelThroughput() {}

  /** Runs the measurement; see the class comment for the arguments. */
  public static void main(String[] argv) throws Exception {
    if (argv.length < 3 || argv.length > 4) {
      System.err.println("usage: TextModelThroughput MODEL FILE THREADS [SECONDS]");
      System.exit(2);
    }
    TextModel model = TextModel.load(Path.of(argv[0]));
    String[] lines = readLines(Path.of(argv[1]));
    int threads = Integer.parseInt(argv[2]);
    double seconds = argv.length > 3 ? Double.parseDouble(argv[3]) : 5;
    if (lines.length == 0 || threads < 1 || !(seconds > 0)) {
      System.err.println("TextModelThroughput: need a non-empty file, THREADS >= 1, SECONDS > 0");
      System.exit(2);
    }
    boolean[] seen = new boolean[model.labels().size()];
    for (String line : lines) {
      List<Prediction> p = model.predict(line, 1, 0.0);
      if (!p.isEmpty()) {
        seen[model.labels().indexOf(p.get(0).label())] = true;
      }
    }
    int distinct = 0;
    for (boolean s : seen) {
      distinct += s ? 1 : 0;
    }
    AtomicLong done = new AtomicLong();
    long deadline = (long) (seconds * 1e9);
    CountDownLatch start = new CountDownLatch(1);
    Thread[] workers = new Thread[threads];
    long[] begin = new long[1];
    for (int t = 0; t < threads; t++) {
      int first = t;
      workers[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        long n = 0;
        long sink = 0;
        do {
          for (int i = first; i < lines.length; i += threads) {
            sink += model.predict(lines[i], 1, 0.0).size();
            n++;
          }
        } while (System.nanoTime() - begin[0] < deadline);
        done.addAndGet(n + (sink < 0 ? 1 : 0));
      });
      workers[t].start();
    }
    begin[0] = System.nanoTime();
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - begin[0]) / 1e9;
    long docs = done.get();
    System.out.printf("%d %.0f %d %.3f %d%n", threads, docs / elapsed, docs, elapsed, distinct);
  }

  private static String[] readLines(Path file) throws IOException {
    // decoded leniently: a bad byte becomes U+FFFD, as TextModel.predict would see it anyway
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return text.isEmpty() ? new String[0] : text.split("\n");
  }
}
