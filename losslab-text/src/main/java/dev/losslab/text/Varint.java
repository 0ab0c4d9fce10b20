package dev.losslab.text;

/**
 * Unsigned LEB128: seven bits a byte, low bits first, the high bit set on every byte but the last. A
 * word id below 128 takes one byte, below 16,384 two, and a 64-bit value at most ten. The readers
 * decode in place from their buffers; this writes.
 */
final class Varint {
  private Varint() {}

  /** Writes {@code v} (as unsigned) at {@code buf[n]}; returns the index after it. */
  static int put(byte[] buf, int n, long v) {
    while ((v & ~0x7fL) != 0) {
      buf[n++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf[n++] = (byte) v;
    return n;
  }

  /** The number of bytes {@link #put} writes for {@code v}. */
  static int length(long v) {
    int n = 1;
    while ((v & ~0x7fL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }
}
