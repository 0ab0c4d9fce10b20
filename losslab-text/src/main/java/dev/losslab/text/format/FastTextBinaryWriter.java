package dev.losslab.text.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a model as fastText's {@code .bin} or {@code .ftz} (version 12) through one 1 MiB little-endian direct buffer,
 * atomically ({@link AtomicFiles}): dictionary entries from their bytes ({@link DictionaryEntries}, so
 * nothing is allocated per word), matrices in bulk through a {@link java.nio.FloatBuffer} view.
 */
final class FastTextBinaryWriter {
  private static final int CHUNK = 1 << 20;

  private final FileChannel ch;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

  private FastTextBinaryWriter(FileChannel ch) {
    this.ch = ch;
  }

  /** The shapes are already checked ({@link FastTextBinary}); the entries are checked here. */
  static void write(FastTextArgs args, DictionaryEntries dictionary, FastTextMatrix input,
      boolean qout, FastTextMatrix output, Path file) throws IOException {
    write(args, dictionary, Optional.empty(), input, qout, output, file);
  }

  /**
   * A dense or quantized model; the shapes are already checked ({@link FastTextBinary},
   * {@link FastTextQuantized}).
   */
  static void write(FastTextArgs args, DictionaryEntries dictionary, Optional<PruneIndex> prune,
      StoredMatrix input, boolean qout, StoredMatrix output, Path file) throws IOException {
    AtomicFiles.write(file,
        ch -> new FastTextBinaryWriter(ch).writeModel(args, dictionary, prune, input, qout, output));
  }

  private void writeModel(FastTextArgs a, DictionaryEntries d, Optional<PruneIndex> prune,
      StoredMatrix input, boolean qout, StoredMatrix output) throws IOException {
    room(8);
    buf.putInt(FastTextBinary.MAGIC);
    buf.putInt(FastTextBinary.VERSION);
    room(FastTextArgs.BYTES);
    buf.putInt(a.dim()).putInt(a.ws()).putInt(a.epoch()).putInt(a.minCount()).putInt(a.neg());
    buf.putInt(a.wordNgrams()).putInt(a.loss().code()).putInt(a.model().code()).putInt(a.bucket());
    buf.putInt(a.minn()).putInt(a.maxn()).putInt(a.lrUpdateRate()).putDouble(a.t());
    int nwords = d.nwords();
    int size = nwords + d.nlabels();
    room(28);
    buf.putInt(size).putInt(nwords).putInt(d.nlabels()).putLong(d.ntokens())
        .putLong(prune.isPresent() ? prune.get().size() : -1L);
    byte wordCode = FastTextDictionary.EntryType.WORD.code();
    byte labelCode = FastTextDictionary.EntryType.LABEL.code();
    for (int id = 0; id < size; id++) {
      byte[] w = d.wordBytes(id);
      long count = d.count(id);
      check(id, w, count);
      bytes(w);
      room(10);
      buf.put((byte) 0).putLong(count).put(id < nwords ? wordCode : labelCode);
    }
    if (prune.isPresent()) {
      PruneIndex p = prune.get();
      for (int i = 0; i < p.size(); i++) {
        room(8);
        buf.putInt(p.bucket(i)).putInt(p.row(i));
      }
    }
    room(1);
    buf.put((byte) (input instanceof QuantizedMatrix ? 1 : 0)); // quant_input
    matrix(input);
    room(1);
    buf.put((byte) (qout ? 1 : 0));
    matrix(output);
    flush();
  }

  private void matrix(StoredMatrix m) throws IOException {
    if (m instanceof FastTextMatrix dense) {
      matrix(dense);
    } else {
      quantized((QuantizedMatrix) m);
    }
  }

  /** quantmatrix.cc {@code save}: qnorm, m, n, codesize, codes, codebook, then the norms. */
  private void quantized(QuantizedMatrix q) throws IOException {
    room(1 + 16 + 4);
    buf.put((byte) (q.qnorm() ? 1 : 0)).putLong(q.rows()).putLong(q.cols()).putInt(q.codes().length);
    bytes(q.codes());
    codebook(q.codebook());
    if (q.qnorm()) {
      bytes(q.normCodes());
      codebook(q.normCodebook());
    }
  }

  /** productquantizer.cc {@code save}: dim, nsubq, dsub, lastdsub, centroids. */
  private void codebook(Codebook c) throws IOException {
    room(16);
    buf.putInt(c.dim()).putInt(c.nsubq()).putInt(c.dsub()).putInt(c.lastdsub());
    floats(c.centroids());
  }

  /** An empty word or a NUL byte would make the file unreadable (entries are NUL-terminated). */
  private static void check(int id, byte[] w, long count) {
    boolean nul = false;
    for (byte b : w) {
      nul |= b == 0;
    }
    if (w.length == 0 || nul) {
      throw new IllegalArgumentException(
          "dictionary entry " + id + " must be non-empty and contain no NUL byte");
    }
    if (count < 0) {
      throw new IllegalArgumentException(
          "count (" + count + ") of dictionary entry " + id + " must be >= 0");
    }
  }

  private void matrix(FastTextMatrix m) throws IOException {
    room(16);
    buf.putLong(m.rows()).putLong(m.cols());
    floats(m.data());
  }

  private void floats(float[] data) throws IOException {
    int done = 0;
    while (done < data.length) {
      flush();
      int k = Math.min(data.length - done, CHUNK / Float.BYTES);
      buf.asFloatBuffer().put(data, done, k);
      buf.position(k * Float.BYTES);
      done += k;
    }
  }

  private void bytes(byte[] b) throws IOException {
    int done = 0;
    while (done < b.length) {
      if (!buf.hasRemaining()) {
        flush();
      }
      int k = Math.min(b.length - done, buf.remaining());
      buf.put(b, done, k);
      done += k;
    }
  }

  private void room(int n) throws IOException {
    if (buf.remaining() < n) {
      flush();
    }
  }

  private void flush() throws IOException {
    buf.flip();
    AtomicFiles.writeFully(ch, buf);
    buf.clear();
  }
}
