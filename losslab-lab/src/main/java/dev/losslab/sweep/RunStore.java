package dev.losslab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.losslab.experiment.Provenance;
import dev.losslab.text.format.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The memory of finished runs: a folder with {@code store.json} (the store's format) and one file per
 * run, {@code runs/KEY.json} ({@link RunRecord#toJson()}), named by the hash of the run's
 * configuration ({@link RunSpec#key()}). Each file is written atomically ({@link AtomicFiles}: a
 * temporary file in the same folder, forced to disk, renamed over the name), so a process killed at
 * any moment leaves every run file either absent or complete, and two sweeps may share a store: the
 * same key is the same run. A store is opened without writing anything; its folder and
 * {@code store.json} are made by the first {@link #put}.
 *
 * <p>Why a file per run rather than an append-only log: a rename is atomic on every local file system,
 * while an append can be torn, so a log needs a checksum per record and a reader that skips a torn
 * tail; a file per run needs neither, lets concurrent sweeps write without a lock, and lets a user
 * delete one run (or all of one loss, with {@code grep -l}) with {@code rm}. Clearing the store is
 * {@code rm -r} of its folder.
 */
public final class RunStore {

  /** The name of the file that marks a folder as a store and states its format. */
  public static final String MARKER = "store.json";

  /** Temporary files older than this are left over from a killed process and removed on open. */
  private static final long STALE_SECONDS = 600;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final List<String> warnings = new ArrayList<>();

  private RunStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens the store in {@code dir}, which need not exist yet; writes nothing.
   *
   * @throws IllegalArgumentException naming the folder when it is a file, a non-empty folder that is
   *     not a store, or a store of another format (the store is left as it is)
   */
  public static RunStore open(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run store '" + dir + "' exists and is not a folder");
    }
    Path marker = dir.resolve(MARKER);
    if (Files.isDirectory(dir) && !Files.exists(marker) && !empty(dir)) {
      throw new IllegalArgumentException("run store '" + dir + "' is a folder that is not a losslab run"
          + " store (it has no " + MARKER + "); give another --store");
    }
    if (Files.exists(marker)) {
      JsonNode m;
      try {
        m = JSON.readTree(Files.readString(marker, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("run store '" + dir + "': " + MARKER + " is unreadable ("
            + e.getMessage() + ")");
      }
      JsonNode format = m == null ? null : m.get("format");
      if (format == null || !format.canConvertToInt()) {
        throw new IllegalArgumentException("run store '" + dir + "': " + MARKER + " states no format");
      }
      if (format.asInt() != RunSpec.FORMAT) {
        JsonNode by = m.get("losslab");
        throw new IllegalArgumentException("run store '" + dir + "' was written by losslab "
            + (by == null ? "?" : by.asText()) + " in store format " + format.asInt()
            + "; this losslab reads format " + RunSpec.FORMAT + ": give another --store, or clear it"
            + " (rm -r " + dir + ")");
      }
    }
    RunStore s = new RunStore(dir);
    s.removeStaleTemporaries();
    return s;
  }

  private static boolean empty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("run store '" + dir + "' cannot be listed: " + e.getMessage(), e);
    }
  }

  /** The store's folder. */
  public Path dir() {
    return dir;
  }

  /** The file of the run with {@code key}. */
  public Path file(String key) {
    return dir.resolve("runs").resolve(key + ".json");
  }

  /**
   * The stored record of {@code spec}, if there is one and it reads as a record of exactly this
   * configuration; an unreadable file is reported in {@link #warnings()} and treated as missing, so the
   * run is trained again and its file replaced.
   */
  public Optional<RunRecord> find(RunSpec spec) {
    String key = spec.key();
    Path f = file(key);
    String text;
    try {
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      warnings.add(f + ": unreadable (" + e.getMessage() + "); the run is trained again");
      return Optional.empty();
    }
    try {
      RunRecord r = RunRecord.fromJson(text);
      if (!r.key().equals(key) || !r.config().equals(spec.config())) {
        warnings.add(f + ": holds another run's configuration; the run is trained again");
        return Optional.empty();
      }
      return Optional.of(r);
    } catch (IllegalArgumentException e) {
      warnings.add(f + ": not a run record (" + e.getMessage() + "); the run is trained again");
      return Optional.empty();
    }
  }

  /**
   * Writes {@code record} atomically, creating the store on its first record.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public void put(RunRecord record) {
    Path f = file(record.key());
    try {
      Files.createDirectories(f.getParent());
      Path marker = dir.resolve(MARKER);
      if (!Files.exists(marker)) {
        AtomicFiles.writeString(marker, "{\"format\": " + RunSpec.FORMAT + ", \"losslab\": \""
            + Provenance.version() + "\"}\n");
      }
      AtomicFiles.writeString(f, record.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the run store: " + f + ": " + e.getMessage(), e);
    }
  }

  /** What {@link #find} could not read, one line each. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The keys of every run in the store. */
  public List<String> keys() {
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("run store '" + dir + "' cannot be listed: " + e.getMessage(), e);
    }
  }

  /** Deletes the temporary files a killed writer left behind (best effort; never a record). */
  private void removeStaleTemporaries() {
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return;
    }
    FileTime before = FileTime.from(Instant.now().minusSeconds(STALE_SECONDS));
    try (Stream<Path> s = Files.list(runs)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(".") && n.endsWith(".tmp")
            && Files.getLastModifiedTime(p).compareTo(before) < 0) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // a leftover temporary file is harmless: it is never read as a record
    }
  }
}
