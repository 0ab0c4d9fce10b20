package dev.losslab.text.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link FastTextBinary} as fastText's {@code .bin} (version 12) through one 1 MiB
 * little-endian direct buffer, matrices in bulk through a {@link java.nio.FloatBuffer} view, atomically
 * ({@link AtomicFiles}).
 */
final class FastTextBinaryWriter {
  private static final int CHUNK = 1 << 20;

  private final FileChannel ch;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

  private FastTextBinaryWriter(FileChannel ch) {
    this.ch = ch;
  }

  static void write(FastTextBinary model, Path file) throws IOException {
    AtomicFiles.write(file, ch -> new FastTextBinaryWriter(ch).writeModel(model));
  }

  private void writeModel(FastTextBinary model) throws IOException {
    room(8);
    buf.putInt(FastTextBinary.MAGIC);
    buf.putInt(FastTextBinary.VERSION);
    FastTextArgs a = model.args();
    room(FastTextArgs.BYTES);
    buf.putInt(a.dim()).putInt(a.ws()).putInt(a.epoch()).putInt(a.minCount()).putInt(a.neg());
    buf.putInt(a.wordNgrams()).putInt(a.loss().code()).putInt(a.model().code()).putInt(a.bucket());
    buf.putInt(a.minn()).putInt(a.maxn()).putInt(a.lrUpdateRate()).putDouble(a.t());
    FastTextDictionary d = model.dictionary();
    room(28);
    buf.putInt(d.size()).putInt(d.nwords()).putInt(d.nlabels()).putLong(d.ntokens()).putLong(-1L);
    for (FastTextDictionary.Entry e : d.entries()) {
      bytes(e.word().getBytes(StandardCharsets.UTF_8));
      room(10);
      buf.put((byte) 0).putLong(e.count()).put(e.type().code());
    }
    room(1);
    buf.put((byte) 0); // quant_input: dense
    matrix(model.input());
    room(1);
    buf.put((byte) (model.qout() ? 1 : 0));
    matrix(model.output());
    flush();
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
