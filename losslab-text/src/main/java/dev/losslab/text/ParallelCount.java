package dev.losslab.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Pass 1 of {@link OnePassEncoder} on a training file in parts, one thread each: the file is cut into
 * up to {@code -thread} byte ranges, each starting just after a newline, and each range is counted
 * by {@link OnePassEncoder#count} into a builder, a tally of issues and a scratch file of its own.
 * The parts are then merged in file order: the dictionary counts ({@link DictionaryBuilder#merge},
 * which keeps the order of first appearance, so the dictionary is the one a single pass builds) and
 * the issues, their line numbers shifted by the lines of the parts before. Pass 2 rewrites the parts'
 * scratch files in order, each with its own entry numbers.
 *
 * <p>Why it is exact: fastText's tokens never span a newline, and every part but the last ends with
 * one, so the parts hold exactly the lines of the file, and each line's tokens. Ranges are read with
 * positional reads on one channel each; nothing is memory-mapped.
 */
final class ParallelCount implements Closeable {
  /**
   * Parts are at least this long. A thread of its own costs its part's share of the warm-up (the
   * reading code runs interpreted until compiled, and the compiler takes a core from the readers).
   * Cold, six alternating rounds each, two parts against one: 20 Newsgroups' 21 MB 1.03×
   * (0.92–1.20), IMDB's 33 MB 0.92× (0.84–0.99); ten times IMDB, five rounds, 0.71× (0.61–0.83).
   */
  static final long MIN_PART_BYTES = 16L << 20;

  private final List<ScratchFile> raws;
  private final List<DictionaryBuilder> counters;
  private final DictionaryBuilder merged;
  private final InputIssues issues;

  private ParallelCount(List<ScratchFile> raws, List<DictionaryBuilder> counters,
      DictionaryBuilder merged, InputIssues issues) {
    this.raws = raws;
    this.counters = counters;
    this.merged = merged;
    this.issues = issues;
  }

  /**
   * Counts {@code file} in up to {@code threads} parts of at least {@code minPartBytes}.
   *
   * @return null when the file makes fewer than two parts (count it in one piece); otherwise the
   *     parts, whose {@link #merged()} is null when one builder counting the whole file would have
   *     pruned (count it in one piece then too)
   */
  static ParallelCount count(Path file, String name, Args args, int threads, long minPartBytes,
      Path folder) {
    long[] cuts = cuts(file, name, threads, minPartBytes);
    int n = cuts.length - 1;
    if (n < 2) {
      return null;
    }
    List<ScratchFile> raws = new ArrayList<>(n);
    List<DictionaryBuilder> counters = new ArrayList<>(n);
    List<InputIssues> partIssues = new ArrayList<>(n);
    long[] newlines = new long[n];
    boolean done = false;
    try {
      for (int k = 0; k < n; k++) {
        raws.add(ScratchFile.create(folder, "tokens"));
        counters.add(new DictionaryBuilder(args));
        partIssues.add(new InputIssues(name, args, false));
      }
      Threads.run(n, "read", part -> {
        ScratchFile.Output out = raws.get(part).output(1 << 20);
        newlines[part] = OnePassEncoder.count(() -> new Range(file, cuts[part], cuts[part + 1]),
            name, args, false, counters.get(part), partIssues.get(part), out);
        out.flush();
      });
      DictionaryBuilder merged = counters.get(0);
      InputIssues issues = partIssues.get(0);
      long offset = newlines[0];
      boolean whole = true;
      for (int k = 1; k < n && whole; k++) {
        whole = merged.merge(counters.get(k));
        issues.merge(partIssues.get(k), offset);
        offset += newlines[k];
      }
      // the merged builder now holds the first part's entries and more: its numbers stay those of
      // the first part's scratch file, since merging only appends
      done = true;
      return new ParallelCount(raws, counters, whole ? merged : null, issues);
    } finally {
      if (!done) {
        raws.forEach(ScratchFile::close);
      }
    }
  }

  /**
   * The part boundaries: {@code 0}, then for each cut after the first, the byte after the first newline
   * at or past {@code k·size/threads}, then {@code size}; parts shorter than {@code minPartBytes} are
   * not made.
   */
  static long[] cuts(Path file, String name, int threads, long minPartBytes) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int parts = (int) Math.max(1, Math.min(threads, size / Math.max(1, minPartBytes)));
      List<Long> cuts = new ArrayList<>(parts + 1);
      cuts.add(0L);
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      for (int k = 1; k < parts; k++) {
        long at = Math.max(cuts.get(cuts.size() - 1), k * size / parts);
        long cut = afterNewline(ch, at, size, buf);
        if (cut < size) {
          cuts.add(cut);
        }
      }
      cuts.add(size);
      return cuts.stream().mapToLong(Long::longValue).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  /** The position after the first {@code '\n'} at or past {@code at}, or {@code size} if none. */
  private static long afterNewline(FileChannel ch, long at, long size, ByteBuffer buf)
      throws IOException {
    long p = at;
    while (p < size) {
      buf.clear();
      int r = ch.read(buf, p);
      if (r <= 0) {
        break;
      }
      for (int i = 0; i < r; i++) {
        if (buf.get(i) == '\n') {
          return p + i + 1;
        }
      }
      p += r;
    }
    return size;
  }

  /** The builder of the whole file, or null when one builder would have pruned. */
  DictionaryBuilder merged() {
    return merged;
  }

  /** Each part's scratch file of line headers and entry indices, in file order. */
  List<ScratchFile> raws() {
    return raws;
  }

  /**
   * The builders that numbered each part's entries: the first part's is {@link #merged()}, which
   * kept its numbers while merging.
   */
  List<DictionaryBuilder> counters() {
    return counters;
  }

  /** The issues of the whole file. */
  InputIssues issues() {
    return issues;
  }

  @Override
  public void close() {
    raws.forEach(ScratchFile::close);
  }

  /** Bytes {@code [from, to)} of a file, read with positional reads. */
  private static final class Range extends InputStream {
    private final FileChannel ch;
    private long pos;
    private final long end;

    Range(Path file, long from, long to) throws IOException {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      pos = from;
      end = to;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= end) {
        return -1;
      }
      int n = (int) Math.min(len, end - pos);
      int r = ch.read(ByteBuffer.wrap(b, off, n), pos);
      if (r > 0) {
        pos += r;
      }
      return r;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
