package dev.losslab.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A temporary file of unsigned LEB128 varints, written once through a buffer and then read by any
 * number of {@link Input}s at once, each with its own small buffer and positional reads (no shared
 * file position, no memory mapping: the pages read stay in the page cache, not in the process).
 *
 * <p>The file is created as {@code .losslab-NAME.RANDOM.tmp} in the given folder with
 * {@link StandardOpenOption#DELETE_ON_CLOSE}: on Linux and macOS the JDK unlinks it as soon as it is
 * open, so its space is freed when the channel closes or the process ends in any way, a crash or
 * {@code kill -9} included. Where the name survives the open (Windows), it is deleted on
 * {@link #close()}, and at JVM exit (Ctrl-C included) if still there.
 */
final class ScratchFile implements Closeable {
  private final Path path;
  private final FileChannel channel;
  private long size;

  private ScratchFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Creates an empty scratch file in {@code folder}.
   *
   * @throws UncheckedIOException naming the folder if it cannot be created there
   */
  static ScratchFile create(Path folder, String name) {
    Path dir = folder.toAbsolutePath();
    Path p = dir.resolve(".losslab-" + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + ".tmp");
    try {
      FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
          StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
      if (Files.exists(p)) {
        p.toFile().deleteOnExit();
      }
      return new ScratchFile(p, ch);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(
          "cannot create a temporary file in " + dir + ": the folder does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a temporary file in " + dir + " (" + e.getMessage() + ")", e);
    }
  }

  /** Where the file was created (on Linux no name is left there once it is open). */
  Path path() {
    return path;
  }

  /** Bytes written. */
  long size() {
    return size;
  }

  @Override
  public void close() {
    try {
      channel.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  /** An appending writer; {@link #flush()} before reading what it wrote. */
  Output output(int bufferSize) {
    return new Output(bufferSize);
  }

  /** A reader from byte {@code position}, with a buffer of {@code bufferSize} to start with. */
  Input input(long position, int bufferSize) {
    return new Input(position, bufferSize);
  }

  /** Buffered appending writes of varints and raw bytes. */
  final class Output {
    private final byte[] buf;
    private int n;

    private Output(int bufferSize) {
      buf = new byte[Math.max(64, bufferSize)];
    }

    /** Bytes written so far, buffered ones included: the position of the next byte. */
    long position() {
      return size + n;
    }

    /** Appends {@code v} (treated as unsigned) as a varint of 1 to 10 bytes. */
    void varint(long v) {
      if (buf.length - n < 10) {
        flush();
      }
      n = Varint.put(buf, n, v);
    }

    /** Appends {@code len} bytes of {@code b}. */
    void bytes(byte[] b, int off, int len) {
      while (len > 0) {
        if (n == buf.length) {
          flush();
        }
        int k = Math.min(len, buf.length - n);
        System.arraycopy(b, off, buf, n, k);
        n += k;
        off += k;
        len -= k;
      }
    }

    /** Writes the buffer to the file. */
    void flush() {
      ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
      try {
        while (bb.hasRemaining()) {
          size += channel.write(bb, size);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the temporary file " + path + " (" + e.getMessage() + ")", e);
      }
      n = 0;
    }
  }

  /** Buffered positional reads: {@link #ensure} a span, then decode it from {@link #buffer()}. */
  final class Input {
    private byte[] buf;
    /** File offset of {@code buf[0]}. */
    private long start;
    private int pos;
    private int limit;

    private Input(long position, int bufferSize) {
      buf = new byte[Math.max(64, bufferSize)];
      start = position;
    }

    /** The buffer; bytes {@code [pos(), limit())} are the file's from {@link #position()}. */
    byte[] buffer() {
      return buf;
    }

    int pos() {
      return pos;
    }

    /** Moves past bytes decoded from {@link #buffer()}: the next byte is {@code buffer()[p]}. */
    void pos(int p) {
      pos = p;
    }

    int limit() {
      return limit;
    }

    /** File offset of the next byte. */
    long position() {
      return start + pos;
    }

    /** Moves to file offset {@code position}: within the buffer if it holds that byte, else empties it. */
    void seek(long position) {
      if (position >= start && position <= start + limit) {
        pos = (int) (position - start);
      } else {
        start = position;
        pos = 0;
        limit = 0;
      }
    }

    /** Whether the whole file has been read. */
    boolean atEnd() {
      return start + pos >= size;
    }

    /**
     * Makes at least {@code k} bytes, or all that is left of the file, available from {@link #pos()},
     * growing the buffer if it is smaller than {@code k}.
     *
     * @return how many bytes are available
     */
    int ensure(int k) {
      int have = limit - pos;
      if (have >= k) {
        return have;
      }
      long left = size - (start + limit);
      if (left <= 0) {
        return have;
      }
      if (k > buf.length) {
        byte[] bigger = new byte[Math.max(k, buf.length * 2)];
        System.arraycopy(buf, pos, bigger, 0, have);
        buf = bigger;
      } else if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, have);
      }
      start += pos;
      pos = 0;
      limit = have;
      int want = (int) Math.min(buf.length - limit, left);
      ByteBuffer bb = ByteBuffer.wrap(buf, limit, want);
      try {
        while (bb.hasRemaining()) {
          if (channel.read(bb, start + bb.position()) < 0) {
            break;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the temporary file " + path + " (" + e.getMessage() + ")", e);
      }
      limit = bb.position();
      return limit - pos;
    }

    /** Reads one varint (any position; slower than decoding from the buffer). */
    long varint() {
      ensure(10);
      byte[] b = buf;
      int p = pos;
      long v = 0;
      int shift = 0;
      while (true) {
        byte x = b[p++];
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          break;
        }
        shift += 7;
      }
      pos = p;
      return v;
    }
  }
}
