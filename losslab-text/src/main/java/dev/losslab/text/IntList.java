package dev.losslab.text;

import java.util.Arrays;

/** A growable list of ints for scratch buffers in hot loops: no boxing, reused with {@link #clear()}. */
public final class IntList {
  private int[] a;
  private int size;

  public IntList() {
    this(16);
  }

  public IntList(int capacity) {
    a = new int[Math.max(1, capacity)];
  }

  public void add(int v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[size++] = v;
  }

  public void clear() {
    size = 0;
  }

  /** Keeps the first {@code n} values ({@code 0 <= n <= size()}). */
  public void truncate(int n) {
    if (n < 0 || n > size) {
      throw new IndexOutOfBoundsException("truncate to " + n + " of " + size);
    }
    size = n;
  }

  public int size() {
    return size;
  }

  public int get(int i) {
    return a[i];
  }

  /** The backing array; valid up to {@link #size()}. */
  public int[] array() {
    return a;
  }

  public int[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
