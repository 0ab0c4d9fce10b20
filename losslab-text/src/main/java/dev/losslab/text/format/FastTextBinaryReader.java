package dev.losslab.text.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a fastText {@code .bin} or {@code .ftz} (version 12) defensively: every size read from the file
 * is checked against the bytes that remain before anything is allocated, each problem is reported as a
 * {@link MalformedModelException} with the byte offset, and matrices are read in 1 MiB bulk chunks
 * through a little-endian {@link java.nio.FloatBuffer} view.
 */
final class FastTextBinaryReader implements Closeable {
  /** The largest Java array this reader allocates. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int SMALL = 1 << 16;
  private static final int CHUNK = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final long size;
  private final ByteBuffer buf = ByteBuffer.allocate(SMALL).order(ByteOrder.LITTLE_ENDIAN);
  /** File offset of {@code buf}'s index 0; {@code buf.position()} is the next byte to read. */
  private long bufStart;
  /** The dictionary's pruneidx, null when it is not pruned (pruneidx_size -1). */
  private PruneIndex pruneIndex;

  private FastTextBinaryReader(Path file) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = channel.size();
    buf.limit(0);
  }

  static FastTextBinary read(Path file) throws IOException {
    return readCompact(file).toBinary();
  }

  static FastTextBinary.Compact readCompact(Path file) throws IOException {
    try (FastTextBinaryReader r = new FastTextBinaryReader(file)) {
      return (FastTextBinary.Compact) r.readModel(true);
    }
  }

  static FastTextFile readAny(Path file) throws IOException {
    try (FastTextBinaryReader r = new FastTextBinaryReader(file)) {
      return r.readModel(false);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The message for a {@code .ftz} given to a reader of dense models only. */
  static final String QUANTIZED = "a quantized model (.ftz): this reader takes dense .bin models only "
      + "(FastTextFile.read and ModelFiles.load read both)";

  private FastTextFile readModel(boolean denseOnly) throws IOException {
    if (size < 8) {
      throw fail("not a fastText model: only " + size + " bytes");
    }
    int magic = i32("magic number");
    if (magic != FastTextBinary.MAGIC) {
      throw new MalformedModelException(file, String.format(
          "not a fastText model: magic number 0x%08X, expected 0x%08X", magic, FastTextBinary.MAGIC));
    }
    int version = i32("version");
    if (version != FastTextBinary.VERSION) {
      throw new MalformedModelException(file, "unsupported fastText model version " + version
          + " (only version " + FastTextBinary.VERSION + ", written by fastText 0.9.x, is supported)");
    }
    FastTextArgs args = readArgs();
    long dictAt = pos();
    DictionaryBytes dict = readDictionary(args);
    long quantAt = pos();
    int quant = u8("quant_input flag");
    if (quant != 0 && quant != 1) {
      throw failAt(quantAt, "invalid quant_input flag " + quant + " (expected 0 or 1)");
    }
    boolean sup = args.model() == FastTextArgs.ModelName.SUP;
    long outRows = sup ? dict.nlabels() : dict.nwords();
    String outWhy = sup ? "nlabels (" + dict.nlabels() + ")" : "nwords (" + dict.nwords() + ")";
    if (quant == 1) {
      if (denseOnly) {
        throw new MalformedModelException(file, QUANTIZED);
      }
      long inRows = FastTextQuantized.inputRows(args, dict, Optional.ofNullable(pruneIndex));
      QuantizedMatrix input = readQuantized("input matrix", inRows, "nwords (" + dict.nwords()
          + ") + " + (pruneIndex != null ? "pruneidx_size (" + pruneIndex.size() + ")"
              : "bucket (" + args.bucket() + ")"), args.dim());
      long qoutAt = pos();
      int qout = u8("qout flag");
      if (qout != 0 && qout != 1) {
        throw failAt(qoutAt, "invalid qout flag " + qout + " (expected 0 or 1)");
      }
      StoredMatrix output = qout == 1
          ? readQuantized("output matrix", outRows, outWhy, args.dim())
          : readMatrix("output matrix", outRows, outWhy, args.dim());
      trailing();
      return new FastTextQuantized(args, dict, Optional.ofNullable(pruneIndex), input, output);
    }
    if (pruneIndex != null) {
      throw failAt(dictAt, "pruned dictionary (pruneidx_size " + pruneIndex.size()
          + ") in a non-quantized model; fastText refuses such a file too");
    }
    FastTextMatrix input = readMatrix("input matrix", (long) dict.nwords() + args.bucket(),
        "nwords (" + dict.nwords() + ") + bucket (" + args.bucket() + ")", args.dim());
    long qoutAt = pos();
    int qout = u8("qout flag");
    if (qout != 0 && qout != 1) {
      throw failAt(qoutAt, "invalid qout flag " + qout + " (expected 0 or 1)");
    }
    FastTextMatrix output = readMatrix("output matrix", outRows, outWhy, args.dim());
    trailing();
    return new FastTextBinary.Compact(args, dict, input, qout == 1, output);
  }

  private void trailing() throws MalformedModelException {
    if (remaining() != 0) {
      throw failAt(pos(), remaining() + " unexpected bytes after the output matrix");
    }
  }

  private FastTextArgs readArgs() throws IOException {
    long at = pos();
    need(FastTextArgs.BYTES, "args");
    int dim = buf.getInt();
    int ws = buf.getInt();
    int epoch = buf.getInt();
    int minCount = buf.getInt();
    int neg = buf.getInt();
    int wordNgrams = buf.getInt();
    int loss = buf.getInt();
    int model = buf.getInt();
    int bucket = buf.getInt();
    int minn = buf.getInt();
    int maxn = buf.getInt();
    int lrUpdateRate = buf.getInt();
    double t = buf.getDouble();
    try {
      return new FastTextArgs(dim, ws, epoch, minCount, neg, wordNgrams,
          FastTextArgs.LossName.ofCode(loss), FastTextArgs.ModelName.ofCode(model),
          bucket, minn, maxn, lrUpdateRate, t);
    } catch (IllegalArgumentException e) {
      throw failAt(at, "invalid args: " + e.getMessage());
    }
  }

  /**
   * Reads the dictionary block into one array per entry, exactly as long as its word, and one array
   * of counts: no {@code String} or entry object per word (a word is decoded only for an error
   * message).
   */
  private DictionaryBytes readDictionary(FastTextArgs args) throws IOException {
    long at = pos();
    need(4 + 4 + 4 + 8 + 8, "dictionary header");
    int n = buf.getInt();
    int nwords = buf.getInt();
    int nlabels = buf.getInt();
    long ntokens = buf.getLong();
    long pruneidxSize = buf.getLong();
    if (n < 0 || nwords < 0 || nlabels < 0 || (long) nwords + nlabels != n) {
      throw failAt(at, "invalid dictionary header: size " + n + ", nwords " + nwords + ", nlabels "
          + nlabels + " (sizes must be >= 0 and nwords + nlabels = size)");
    }
    if (ntokens < 0) {
      throw failAt(at, "invalid dictionary header: ntokens " + ntokens + " < 0");
    }
    if (pruneidxSize < -1) {
      throw failAt(at, "invalid dictionary header: pruneidx_size " + pruneidxSize + " < -1");
    }
    // Each entry takes at least 10 bytes (1-byte word + NUL + int64 count + int8 type).
    if ((long) n * 10 > remaining()) {
      throw failAt(at, "dictionary claims " + n + " entries (at least " + 10L * n
          + " bytes) but only " + remaining() + " bytes remain");
    }
    byte[][] words = new byte[n][];
    long[] counts = new long[n];
    byte[] word = new byte[64];
    for (int i = 0; i < n; i++) {
      long entryAt = pos();
      int len = 0;
      while (true) {
        if (!buf.hasRemaining()) {
          if (remaining() == 0) {
            throw failAt(entryAt, "dictionary entry " + i + " of " + n
                + ": word has no terminating NUL byte before the end of the file");
          }
          fill(1);
        }
        byte[] a = buf.array();
        int p = buf.position();
        int lim = buf.limit();
        int q = p;
        while (q < lim && a[q] != 0) {
          q++;
        }
        int chunk = q - p;
        if (len + chunk > word.length) {
          word = Arrays.copyOf(word, Math.max(word.length * 2, len + chunk));
        }
        System.arraycopy(a, p, word, len, chunk);
        len += chunk;
        buf.position(q);
        if (q < lim) {
          buf.get(); // the NUL
          break;
        }
      }
      if (len == 0) {
        throw failAt(entryAt, "dictionary entry " + i + " of " + n + " has an empty word");
      }
      if (9 > remaining()) {
        need(9, "dictionary entry " + i + " of " + n + " ('" + text(word, len) + "')");
      }
      fill(9);
      long count = buf.getLong();
      byte type = buf.get();
      if (count < 0) {
        throw failAt(entryAt, "dictionary entry " + i + " ('" + text(word, len) + "') has count "
            + count + " < 0");
      }
      FastTextDictionary.EntryType expected =
          i < nwords ? FastTextDictionary.EntryType.WORD : FastTextDictionary.EntryType.LABEL;
      if (type != expected.code()) {
        throw failAt(entryAt, "dictionary entry " + i + " ('" + text(word, len) + "') has type "
            + type + ", expected " + expected.code() + " (" + expected.dumpName()
            + "): the first nwords (" + nwords + ") entries are words (0), the rest labels (1)");
      }
      words[i] = Arrays.copyOf(word, len);
      counts[i] = count;
    }
    if (pruneidxSize >= 0) {
      readPruneIndex(pruneidxSize, args);
    }
    return new DictionaryBytes(nwords, ntokens, words, counts);
  }

  /**
   * The {@code pruneidx} pairs: each bucket below {@code bucket} and seen once, each row below
   * {@code pruneidx_size} (fastText numbers the kept buckets 0, 1, ...).
   */
  private void readPruneIndex(long n, FastTextArgs args) throws IOException {
    long at = pos();
    if (n > remaining() / 8) {
      throw failAt(at, "pruneidx claims " + n + " pairs but only " + remaining() + " bytes remain");
    }
    if (n > PruneIndex.MAX_SIZE || n > args.bucket()) {
      throw failAt(at, "pruneidx claims " + n + " pairs, more than the " + args.bucket()
          + " buckets of the model");
    }
    int[] buckets = new int[(int) n];
    int[] rows = new int[(int) n];
    for (int i = 0; i < n; i++) {
      long pairAt = pos();
      need(8, "pruneidx pair " + i + " of " + n);
      int b = buf.getInt();
      int r = buf.getInt();
      if (b < 0 || b >= args.bucket() || r < 0 || r >= n) {
        throw failAt(pairAt, "pruneidx pair " + i + " of " + n + " maps bucket " + b + " to row " + r
            + " (buckets are in [0, " + args.bucket() + "), rows in [0, " + n + "))");
      }
      buckets[i] = b;
      rows[i] = r;
    }
    try {
      pruneIndex = PruneIndex.of(buckets, rows);
    } catch (IllegalArgumentException e) {
      throw failAt(at, e.getMessage());
    }
  }

  /**
   * A quantized matrix (quantmatrix.cc {@code load}), every size checked against the file before its
   * array is allocated: its shape against the model's, its code count against its codebook's shape,
   * its centroids finite.
   */
  private QuantizedMatrix readQuantized(String what, long expectedRows, String expectedWhy, int dim)
      throws IOException {
    long at = pos();
    int qnorm = u8(what + " qnorm flag");
    if (qnorm != 0 && qnorm != 1) {
      throw failAt(at, "invalid " + what + " qnorm flag " + qnorm + " (expected 0 or 1)");
    }
    long m = shape(what, expectedRows, expectedWhy, dim);
    long n = dim;
    long codesAt = pos();
    int codesize = i32(what + " code size");
    if (codesize < 0 || codesize > remaining()) {
      throw failAt(codesAt, what + " claims " + codesize + " code bytes but only " + remaining()
          + " bytes remain");
    }
    if (m == 0 ? codesize != 0 : codesize % m != 0 || codesize / m < 1 || codesize / m > dim) {
      throw failAt(codesAt, what + " has " + codesize + " code bytes for " + m + " rows, not a whole"
          + " number of codes per row between 1 and dim (" + dim + ")");
    }
    byte[] codes = readBytes(codesize);
    Codebook pq = readCodebook(what + " codebook", dim);
    if ((long) m * pq.nsubq() != codesize) {
      throw failAt(codesAt, what + " has " + codesize + " code bytes, expected rows (" + m
          + ") × nsubq (" + pq.nsubq() + ") = " + m * pq.nsubq());
    }
    if (qnorm == 0) {
      return new QuantizedMatrix(false, (int) m, dim, codes, pq, new byte[0], null);
    }
    if (m > remaining()) {
      throw failAt(pos(), what + " needs " + m + " norm codes but only " + remaining()
          + " bytes remain");
    }
    byte[] normCodes = readBytes((int) m);
    Codebook npq = readCodebook(what + " norm codebook", 1);
    return new QuantizedMatrix(true, (int) m, dim, codes, pq, normCodes, npq);
  }

  private Codebook readCodebook(String what, int dim) throws IOException {
    long at = pos();
    need(16, what);
    int d = buf.getInt();
    int nsubq = buf.getInt();
    int dsub = buf.getInt();
    int lastdsub = buf.getInt();
    if (d != dim) {
      throw failAt(at, what + " has dim " + d + ", expected " + dim);
    }
    String why = Codebook.shapeProblem(d, nsubq, dsub, lastdsub);
    if (why != null) {
      throw failAt(at, what + ": " + why);
    }
    long values = (long) d * Codebook.CENTROIDS;
    if (values * Float.BYTES > remaining()) {
      throw failAt(pos(), what + " of " + values + " floats needs " + values * 4 + " bytes but only "
          + remaining() + " remain (truncated or corrupted file)");
    }
    float[] centroids = new float[(int) values];
    readFloats(centroids, what, d);
    return new Codebook(d, nsubq, dsub, lastdsub, centroids);
  }

  /** {@code n} bytes at the current position (the caller has checked that they remain). */
  private byte[] readBytes(int n) throws IOException {
    byte[] out = new byte[n];
    int done = 0;
    while (done < n) {
      if (!buf.hasRemaining()) {
        fill(1);
      }
      int k = Math.min(n - done, buf.remaining());
      buf.get(out, done, k);
      done += k;
    }
    return out;
  }

  /**
   * Reads a matrix header, {@code int64 m, int64 n}, and checks it: {@code n = dim} and {@code m} the
   * rows the dictionary implies; returns {@code m}.
   */
  private long shape(String what, long expectedRows, String expectedWhy, int dim) throws IOException {
    long at = pos();
    need(16, what + " header");
    long m = buf.getLong();
    long n = buf.getLong();
    if (m < 0 || n < 0) {
      throw failAt(at, what + " has negative size " + m + " × " + n);
    }
    if (n != dim) {
      throw failAt(at, what + " has " + n + " columns, expected dim (" + dim + ")");
    }
    if (m != expectedRows) {
      throw failAt(at, what + " has " + m + " rows, expected " + expectedWhy + " = " + expectedRows);
    }
    return m;
  }

  private FastTextMatrix readMatrix(String what, long expectedRows, String expectedWhy, int dim)
      throws IOException {
    long at = pos();
    long m = shape(what, expectedRows, expectedWhy, dim);
    long n = dim;
    long avail = remaining() / Float.BYTES;
    if (n != 0 && m > avail / n) {
      throw failAt(at, what + " of " + m + " × " + n + " floats needs " + m * n * 4L
          + " bytes but only " + remaining() + " remain (truncated or corrupted file)");
    }
    long count = m * n;
    if (count > MAX_ARRAY) {
      throw failAt(at, what + " of " + m + " × " + n + " = " + count
          + " floats is larger than this reader supports (" + MAX_ARRAY + ")");
    }
    float[] data = new float[(int) count];
    readFloats(data, what, (int) n);
    return new FastTextMatrix((int) m, (int) n, data);
  }

  /** Bulk read of {@code dst.length} floats at the current position, checking each is finite. */
  private void readFloats(float[] dst, String what, int cols) throws IOException {
    long offset = pos();
    ByteBuffer chunk = ByteBuffer.allocateDirect((int) Math.min(CHUNK,
        Math.max(Float.BYTES, (long) dst.length * Float.BYTES))).order(ByteOrder.LITTLE_ENDIAN);
    int done = 0;
    while (done < dst.length) {
      int k = Math.min(dst.length - done, chunk.capacity() / Float.BYTES);
      chunk.clear().limit(k * Float.BYTES);
      while (chunk.hasRemaining()) {
        if (channel.read(chunk, offset + chunk.position()) < 0) {
          throw failAt(offset + chunk.position(), "file ended while reading " + what
              + " (was it changed while being read?)");
        }
      }
      chunk.flip();
      chunk.asFloatBuffer().get(dst, done, k);
      for (int i = done; i < done + k; i++) {
        if (!Float.isFinite(dst[i])) {
          throw failAt(offset + (long) (i - done) * 4, what + " value at row " + (i / cols)
              + ", column " + (i % cols) + " is " + dst[i] + " (a diverged or corrupted model)");
        }
      }
      offset += (long) k * Float.BYTES;
      done += k;
    }
    bufStart = offset;
    buf.clear().limit(0);
  }

  private int i32(String what) throws IOException {
    need(4, what);
    return buf.getInt();
  }

  private int u8(String what) throws IOException {
    need(1, what);
    return buf.get() & 0xFF;
  }

  private void skip(long bytes, String what) throws IOException {
    need(0, what);
    long target = pos() + bytes;
    bufStart = target;
    buf.clear().limit(0);
  }

  private long pos() {
    return bufStart + buf.position();
  }

  private long remaining() {
    return size - pos();
  }

  /** Checks that {@code n} bytes remain in the file and makes them available in {@code buf}. */
  private void need(int n, String what) throws IOException {
    if (n > remaining()) {
      throw failAt(pos(), "truncated while reading " + what + ": needs " + n + " bytes, "
          + remaining() + " remain");
    }
    fill(n);
  }

  /** Makes at least {@code n} (≤ buffer size, ≤ remaining) bytes available in {@code buf}. */
  private void fill(int n) throws IOException {
    if (buf.remaining() >= n) {
      return;
    }
    long p = pos();
    buf.compact();
    bufStart = p;
    while (buf.position() < n) {
      int r = channel.read(buf, p + buf.position());
      if (r < 0) {
        buf.flip();
        throw new MalformedModelException(file, "file ended at byte " + (p + buf.limit())
            + " although its size was " + size + " (was it changed while being read?)");
      }
      if (buf.position() == buf.capacity()) {
        break;
      }
    }
    buf.flip();
  }

  /** A word for an error message: its bytes decoded as UTF-8. */
  private static String text(byte[] word, int len) {
    return new String(word, 0, len, StandardCharsets.UTF_8);
  }

  private MalformedModelException fail(String what) {
    return new MalformedModelException(file, what);
  }

  private MalformedModelException failAt(long offset, String what) {
    return new MalformedModelException(file, what + " (at byte " + offset + ")");
  }
}
