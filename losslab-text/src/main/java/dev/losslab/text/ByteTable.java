package dev.losslab.text;

import java.util.Arrays;

/**
 * An open-addressing hash set of byte strings keyed by their fastText hash, giving each string a dense
 * index in insertion order. It replaces fastText's fixed 30M-slot table: it starts small and doubles
 * at 70 % load, so a small vocabulary costs little memory.
 */
final class ByteTable {
  private byte[][] keys;
  private int[] hashes;
  private int size;
  private int[] slots;
  private int mask;
  private int shift;

  /** A table sized for {@code expected} strings: it holds that many without growing. */
  ByteTable(int expected) {
    keys = new byte[Math.max(64, expected)][];
    hashes = new int[keys.length];
    int cap = 16;
    while (cap * 0.7 < expected) {
      cap <<= 1;
    }
    allocate(cap);
  }

  private void allocate(int cap) {
    slots = new int[cap];
    Arrays.fill(slots, -1);
    mask = cap - 1;
    shift = 32 - Integer.numberOfTrailingZeros(cap);
  }

  private int home(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  int size() {
    return size;
  }

  byte[] key(int i) {
    return keys[i];
  }

  int hash(int i) {
    return hashes[i];
  }

  /** Index of the string, or -1. */
  int find(byte[] b, int off, int len, int h) {
    int s = home(h) & mask;
    while (true) {
      int i = slots[s];
      if (i < 0) {
        return -1;
      }
      if (hashes[i] == h && equal(keys[i], b, off, len)) {
        return i;
      }
      s = (s + 1) & mask;
    }
  }

  /** Adds a string known to be absent; returns its index. */
  int add(byte[] b, int off, int len, int h) {
    return addOwned(Arrays.copyOfRange(b, off, off + len), h);
  }

  /** Adds a string known to be absent, keeping the array itself (the caller must not change it). */
  int addOwned(byte[] key, int h) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    keys[size] = key;
    hashes[size] = h;
    if ((size + 1) > slots.length * 0.7) {
      allocate(slots.length * 2);
      for (int i = 0; i < size; i++) {
        place(i);
      }
    }
    place(size);
    return size++;
  }

  private void place(int i) {
    int s = home(hashes[i]) & mask;
    while (slots[s] >= 0) {
      s = (s + 1) & mask;
    }
    slots[s] = i;
  }

  private static boolean equal(byte[] k, byte[] b, int off, int len) {
    if (k.length != len) {
      return false;
    }
    if (len > 32) {
      return Arrays.equals(k, 0, len, b, off, off + len);
    }
    // short words: a plain loop beats the vectorized mismatch's set-up cost
    for (int i = 0; i < len; i++) {
      if (k[i] != b[off + i]) {
        return false;
      }
    }
    return true;
  }
}
