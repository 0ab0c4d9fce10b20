package dev.losslab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes a {@link Report} to a folder ({@code index.html}, {@code fig/*.png}, {@code results.csv},
 * {@code results.json}) so that the folder is replaced only once the new report is complete: every
 * file goes to a hidden sibling {@code .<name>.tmp-<nonce>}, then the old folder is renamed aside,
 * the new one renamed in, and the old one deleted. A run interrupted before the swap leaves the
 * previous report as it was; a shutdown hook removes the temporary sibling if the JVM is stopped while
 * it is being written. The folder, its files and {@code fig/} get the permissions the process's umask
 * gives any new folder or file (755 and 644 with the usual umask 022), as any tool's output does.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** The files every report folder holds besides its figures. */
  public static final List<String> FILES = List.of("index.html", "results.csv", "results.json");

  /** Names of the temporary siblings. */
  private static final SecureRandom NONCES = new SecureRandom();

  /**
   * Checks, before any long computation, that {@code dir} can be written: creates its parent if
   * needed and a probe folder beside it.
   *
   * @throws IOException with a one-line message naming the folder
   */
  public static void checkWritable(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new IOException("output folder '" + dir + "' exists and is not a folder");
    }
    Path parent = abs.getParent();
    try {
      Files.createDirectories(parent);
      Path probe = Files.createTempDirectory(parent, "." + abs.getFileName() + ".probe-");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IOException("output folder '" + dir + "' is not writable: " + reason(e), e);
    }
  }

  /**
   * Writes {@code report} into {@code dir}, replacing what was there only when complete.
   *
   * @throws IOException with a one-line message naming the folder; the previous content is kept
   */
  public static void write(Report report, Path dir) throws IOException {
    write(report, dir, () -> {});
  }

  /** {@link #write(Report, Path)} with a step run between filling the new folder and the swap. */
  static void write(Report report, Path dir, BeforeSwap beforeSwap) throws IOException {
    checkWritable(dir);
    Path abs = dir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    String name = abs.getFileName().toString();
    Path tmp = createSibling(parent, "." + name + ".tmp-");
    // Interrupted (Ctrl-C) while writing: remove the half-written temporary folder on the way out.
    Thread cleanup = new Thread(() -> deleteTree(tmp), "report-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      fill(report, tmp);
      beforeSwap.run();
      swap(tmp, abs, parent, name);
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      if (e instanceof IOException io) {
        throw new IOException("cannot write report to '" + dir + "': " + reason(io), io);
      }
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or will run; nothing to undo
      }
    }
  }

  /**
   * Creates a new folder {@code prefix<nonce>} in {@code parent} with the umask's permissions:
   * {@link Files#createTempDirectory} would make it 700, and the rename would hand that mode to the
   * report. Creating fails if the name exists, so no other folder is ever taken over.
   */
  private static Path createSibling(Path parent, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path p = parent.resolve(prefix + Long.toUnsignedString(NONCES.nextLong(), 36));
      try {
        return Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  /** What happens between filling and swapping (tests use it to simulate an interruption). */
  interface BeforeSwap {
    void run() throws IOException;
  }

  /** Writes the report's files into the (new, empty) folder {@code into}. */
  static void fill(Report report, Path into) throws IOException {
    Map<String, List<String>> omitted = new LinkedHashMap<>();
    List<Block.Figure> figures = report.figures();
    if (!figures.isEmpty()) {
      Files.createDirectories(into.resolve("fig"));
    }
    List<List<String>> drawn = render(figures, into);
    for (int i = 0; i < figures.size(); i++) {
      omitted.put(figures.get(i).name(), drawn.get(i));
    }
    Files.writeString(into.resolve("results.csv"), CsvWriter.render(report), StandardCharsets.UTF_8);
    Files.writeString(into.resolve("results.json"), JsonWriter.render(report), StandardCharsets.UTF_8);
    // index.html last: a folder with an index is a folder with everything the index links to.
    Files.writeString(into.resolve("index.html"), HtmlWriter.render(report, omitted),
        StandardCharsets.UTF_8);
  }

  /**
   * Draws the figures into {@code into}, on up to one thread per core (each figure is its own chart
   * and file, so the PNGs are the same bytes in any order), and returns each figure's undrawable
   * curves in the figures' order.
   */
  private static List<List<String>> render(List<Block.Figure> figures, Path into) throws IOException {
    int threads = Math.min(figures.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      List<List<String>> out = new ArrayList<>();
      for (Block.Figure f : figures) {
        out.add(PlotRenderer.writePng(f.plot(), into.resolve(f.file())));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "report-figure");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<String>>> pending = new ArrayList<>();
      for (Block.Figure f : figures) {
        pending.add(pool.submit(() -> PlotRenderer.writePng(f.plot(), into.resolve(f.file()))));
      }
      List<List<String>> out = new ArrayList<>();
      for (Future<List<String>> p : pending) {
        out.add(p.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while drawing the figures", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void swap(Path tmp, Path dir, Path parent, String name) throws IOException {
    Path old = null;
    if (Files.exists(dir)) {
      old = Files.createTempDirectory(parent, "." + name + ".old-");
      Files.delete(old);
      move(dir, old);
    }
    try {
      move(tmp, dir);
    } catch (IOException e) {
      if (old != null) {
        move(old, dir);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a leftover hidden temporary folder does not harm the report.
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
