package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers of libstdc++ 12's {@code std::sort} and {@code std::partial_sort(first, last, last)}
 * (printed by a short C++ program) on {@code 0..n-1} with fastText's {@code selectEmbeddings}
 * comparator over keys full of ties: {@code key(i) = (i·7919) mod 13}, larger keys first, id 3 (the
 * {@code </s>} of the test) before everything. Ties come out in libstdc++'s order, not in id order.
 */
class StdSortTest {

  private static StdSort.Less fastTextOrder(float[] key, int eos) {
    return (x, y) -> x == eos ? y != eos : y != eos && key[x] > key[y];
  }

  private static float[] keys(int n) {
    float[] key = new float[n];
    for (int i = 0; i < n; i++) {
      key[i] = (float) ((i * 7919L) % 13);
    }
    return key;
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "sort; 5; 3 4 2 1 0; 21",
      "heap; 5; 3 4 2 1 0; 21",
      "sort; 17; 3 6 12 5 11 4 10 16 9 2 15 8; 1232",
      "heap; 17; 3 6 12 5 11 4 10 16 9 15 2 8; 1232",
      "sort; 40; 3 32 6 19 25 38 12 5 31 18 24 11; 15859",
      "heap; 40; 3 6 19 32 12 25 38 18 31 5 11 37; 15846",
      "sort; 1000; 3 149 695 123 682 669 136 656 643 630 708 617; 250006009",
      "heap; 1000; 3 292 643 500 19 695 825 58 487 474 435 708; 251196341",
      "sort; 100000; 3 33364 81451 12551 50472 93021 58623 12564 71961 55724 33377 12577; 49981104294",
      "heap; 100000; 3 80021 17933 14228 59429 36601 66696 86040 22834 91032 71922 69829; 49981817622",
  })
  void matchesLibstdcxx(String how, int n, String first, long checksum) {
    int[] idx = IntStream.range(0, n).toArray();
    StdSort.Less less = fastTextOrder(keys(n), 3);
    if (how.equals("sort")) {
      StdSort.sort(idx, 0, n, less);
    } else {
      StdSort.heapSort(idx, 0, n, less);
    }
    int[] head = java.util.Arrays.stream(first.split(" ")).mapToInt(Integer::parseInt).toArray();
    assertThat(java.util.Arrays.copyOf(idx, head.length)).containsExactly(head);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (long) idx[i] * (i + 1) % 1000003;
    }
    assertThat(sum).isEqualTo(checksum);
  }

  @Property(tries = 200)
  void sortsAndPermutes(@ForAll @Size(max = 300) int[] values, @ForAll @IntRange(min = 0, max = 1) int heap) {
    int[] a = values.clone();
    if (heap == 0) {
      StdSort.sort(a, 0, a.length, (x, y) -> x < y);
    } else {
      StdSort.heapSort(a, 0, a.length, (x, y) -> x < y);
    }
    int[] expected = values.clone();
    java.util.Arrays.sort(expected);
    assertThat(a).containsExactly(expected);
  }
}
