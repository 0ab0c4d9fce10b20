package dev.losslab.text.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes a model as fastText's {@code .bin} (version 12) through one 1 MiB little-endian direct buffer,
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
    AtomicFiles.write(file,
        ch -> new FastTextBinaryWriter(ch).writeModel(args, dictionary, input, qout, output));
  }

  private void writeModel(FastTextArgs a, DictionaryEntries d, FastTextMatrix input, boolean qout,
      FastTextMatrix output) throws IOException {
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
    buf.putInt(size).putInt(nwords).putInt(d.nlabels()).putLong(d.ntokens()).putLong(-1L);
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
    room(1);
    buf.put((byte) 0); // quant_input: dense
    matrix(input);
    room(1);
    buf.put((byte) (qout ? 1 : 0));
    matrix(output);
    flush();
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
    float[] data = m.data();
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
