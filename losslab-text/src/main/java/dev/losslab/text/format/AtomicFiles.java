package dev.losslab.text.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atomic file writes: the content goes to a temporary file in the target's folder
 * ({@code .NAME.PID.RANDOM.tmp}, PID the writing process's id), is forced to disk, and is then renamed
 * over the target, so a reader (or a crash) sees either the old file or the complete new one, never a
 * half-written one. On failure the temporary file is deleted and the target is left as it was.
 *
 * <p>A process that dies while writing (killed, out of power) leaves its hidden temporary file behind;
 * {@link #removeLeftovers} deletes those of a target whose process no longer runs, and never one that
 * a running process (this one included) may still be writing.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file to the channel it is given. */
  @FunctionalInterface
  public interface ChannelWriter {
    /** Writes the whole content to {@code channel} (positioned at 0, empty). */
    void writeTo(FileChannel channel) throws IOException;
  }

  /**
   * Writes {@code target} atomically with the content {@code writer} produces.
   *
   * @throws IOException if the folder does not exist or cannot be written, or {@code writer} fails
   */
  public static void write(Path target, ChannelWriter writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new NoSuchFileException(target.toString(), null, "cannot write: folder " + dir + " does not exist");
    }
    String name = abs.getFileName().toString();
    Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    boolean done = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writer.writeTo(ch);
        ch.force(true);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
    syncFolder(dir);
  }

  /**
   * Deletes the temporary files that writes of {@code target} left when their process died: files
   * named {@code .NAME.PID.HEX.tmp} in the target's folder whose process {@code PID} is not running.
   *
   * @return the files deleted, in name order (empty when there were none or the folder is missing)
   * @throws IOException if the folder cannot be listed or a leftover cannot be deleted
   */
  public static List<Path> removeLeftovers(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    Pattern p = Pattern.compile("\\." + Pattern.quote(abs.getFileName().toString())
        + "\\.(\\d{1,19})\\.[0-9a-f]{1,16}\\.tmp");
    long self = ProcessHandle.current().pid();
    List<Path> removed = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
        f -> p.matcher(f.getFileName().toString()).matches())) {
      for (Path f : files) {
        Matcher m = p.matcher(f.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid == self || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        Files.deleteIfExists(f);
        removed.add(f);
      }
    }
    removed.sort(null);
    return removed;
  }

  /** Writes {@code text} as UTF-8 to {@code target} atomically. */
  public static void writeString(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(target, ch -> writeFully(ch, ByteBuffer.wrap(bytes)));
  }

  /** Writes all of {@code buffer}'s remaining bytes to {@code ch}. */
  static void writeFully(FileChannel ch, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      ch.write(buffer);
    }
  }

  /** Makes the rename durable where the platform allows opening a folder (Linux); a no-op elsewhere. */
  private static void syncFolder(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform can open or force a folder; the rename itself is already atomic.
    }
  }
}
