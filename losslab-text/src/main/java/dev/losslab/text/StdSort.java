package dev.losslab.text;

/**
 * {@code std::sort} as libstdc++ (GCC 12) runs it, on an {@code int[]} with a comparator: introsort
 * (median of {@code first+1}, the middle and {@code last−1} moved to the front, an unguarded Hoare
 * partition, recursion on the right part and a loop on the left, heapsort once the depth limit
 * {@code 2·⌊log₂ n⌋} is spent) down to runs of 16, then one insertion sort over everything.
 *
 * <p>Why not {@link java.util.Arrays#sort}: {@code std::sort} is not stable, and elements that compare
 * equal come out in an order only this algorithm gives. fastText's {@code -cutoff} sorts the rows of
 * {@code A} by norm with it, and a fastText-trained matrix has many rows of exactly equal norm (rows
 * left at zero, or n-grams that always appeared together); keeping them in fastText's order keeps the
 * same rows, in the same places, as {@code fasttext quantize}.
 */
final class StdSort {
  private StdSort() {}

  /** A strict weak order on the values: {@code less(a, b)} when {@code a} goes before {@code b}. */
  @FunctionalInterface
  interface Less {
    boolean less(int a, int b);
  }

  /** Runs shorter than this are left to the final insertion sort. */
  private static final int THRESHOLD = 16;

  /** Sorts {@code a[first .. last)}. */
  static void sort(int[] a, int first, int last, Less c) {
    if (first == last) {
      return;
    }
    introsort(a, first, last, 2 * (31 - Integer.numberOfLeadingZeros(last - first)), c);
    finalInsertionSort(a, first, last, c);
  }

  private static void introsort(int[] a, int first, int last, int depth, Less c) {
    while (last - first > THRESHOLD) {
      if (depth == 0) {
        heapSort(a, first, last, c);
        return;
      }
      depth--;
      int cut = partitionPivot(a, first, last, c);
      introsort(a, cut, last, depth, c);
      last = cut;
    }
  }

  private static int partitionPivot(int[] a, int first, int last, Less c) {
    int mid = first + (last - first) / 2;
    medianToFirst(a, first, first + 1, mid, last - 1, c);
    return partition(a, first + 1, last, first, c);
  }

  private static void medianToFirst(int[] a, int result, int x, int y, int z, Less c) {
    if (c.less(a[x], a[y])) {
      if (c.less(a[y], a[z])) {
        swap(a, result, y);
      } else if (c.less(a[x], a[z])) {
        swap(a, result, z);
      } else {
        swap(a, result, x);
      }
    } else if (c.less(a[x], a[z])) {
      swap(a, result, x);
    } else if (c.less(a[y], a[z])) {
      swap(a, result, z);
    } else {
      swap(a, result, y);
    }
  }

  /** Hoare's partition around {@code a[pivot]} with no bounds checks: the pivot stops both scans. */
  private static int partition(int[] a, int first, int last, int pivot, Less c) {
    while (true) {
      while (c.less(a[first], a[pivot])) {
        first++;
      }
      last--;
      while (c.less(a[pivot], a[last])) {
        last--;
      }
      if (!(first < last)) {
        return first;
      }
      swap(a, first, last);
      first++;
    }
  }

  private static void finalInsertionSort(int[] a, int first, int last, Less c) {
    if (last - first > THRESHOLD) {
      insertionSort(a, first, first + THRESHOLD, c);
      for (int i = first + THRESHOLD; i < last; i++) {
        linearInsert(a, i, c);
      }
    } else {
      insertionSort(a, first, last, c);
    }
  }

  private static void insertionSort(int[] a, int first, int last, Less c) {
    if (first == last) {
      return;
    }
    for (int i = first + 1; i < last; i++) {
      if (c.less(a[i], a[first])) {
        int v = a[i];
        System.arraycopy(a, first, a, first + 1, i - first);
        a[first] = v;
      } else {
        linearInsert(a, i, c);
      }
    }
  }

  /** Moves {@code a[last]} left past every larger value (a smaller one lies somewhere before it). */
  private static void linearInsert(int[] a, int last, Less c) {
    int v = a[last];
    int next = last - 1;
    while (c.less(v, a[next])) {
      a[last] = a[next];
      last = next;
      next--;
    }
    a[last] = v;
  }

  /** {@code std::partial_sort(first, last, last)}: make a heap, then pop it empty. */
  static void heapSort(int[] a, int first, int last, Less c) {
    int len = last - first;
    if (len >= 2) {
      for (int parent = (len - 2) / 2; ; parent--) {
        adjustHeap(a, first, parent, len, a[first + parent], c);
        if (parent == 0) {
          break;
        }
      }
    }
    while (last - first > 1) {
      last--;
      int v = a[last];
      a[last] = a[first];
      adjustHeap(a, first, 0, last - first, v, c);
    }
  }

  private static void adjustHeap(int[] a, int first, int hole, int len, int value, Less c) {
    int top = hole;
    int second = hole;
    while (second < (len - 1) / 2) {
      second = 2 * (second + 1);
      if (c.less(a[first + second], a[first + second - 1])) {
        second--;
      }
      a[first + hole] = a[first + second];
      hole = second;
    }
    if ((len & 1) == 0 && second == (len - 2) / 2) {
      second = 2 * (second + 1);
      a[first + hole] = a[first + second - 1];
      hole = second - 1;
    }
    int parent = (hole - 1) / 2;
    while (hole > top && c.less(a[first + parent], value)) {
      a[first + hole] = a[first + parent];
      hole = parent;
      parent = (hole - 1) / 2;
    }
    a[first + hole] = value;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
