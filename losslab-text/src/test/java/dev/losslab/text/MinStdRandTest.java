package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Known answers of libstdc++ 12 (the C++ library Debian's fastText 0.9.2 was built with), printed by a
 * ten-line C++ program: {@code std::minstd_rand}, {@code uniform_real_distribution<>(0, 1)} and
 * {@code std::shuffle} of {@code 0..n-1}, each from seed 1234 as fastText's product quantizer seeds it.
 */
class MinStdRandTest {

  @Test
  void theGeneratorIsMinstdRand() {
    MinStdRand d = new MinStdRand(1); // the C++ standard's check: the 10000th value of minstd_rand()
    long v = 0;
    for (int i = 0; i < 10000; i++) {
      v = d.next();
    }
    assertThat(v).isEqualTo(399268537L);
    MinStdRand r = new MinStdRand(1234);
    assertThat(new long[] {r.next(), r.next(), r.next()})
        .containsExactly(59566414L, 1997250508L, 148423250L);
    assertThat(new MinStdRand(0).next()).isEqualTo(48271L); // seed 0 becomes 1
  }

  @Test
  void canonicalDoublesMatchUniformRealDistribution() {
    MinStdRand r = new MinStdRand(1234);
    assertThat(new double[] {r.canonical(), r.canonical(), r.canonical(), r.canonical()})
        .containsExactly(0.9300422430447407, 0.24831591060652716, 0.077178433356663717,
            0.14235102234634991);
  }

  /**
   * Both of libstdc++'s shuffle paths: two positions from one draw while {@code n² ≤ 2³¹ − 3}
   * (n ≤ 46340), one draw per position beyond. The checksum is {@code Σ (p[i]·(i+1) mod 1000003)};
   * {@code next} is the generator's next value after the shuffle.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "1; 0; 0; 59566414",
      "2; 1 0; 1; 1997250508",
      "3; 2 0 1; 5; 1997250508",
      "10; 4 9 5 3 8 7 0 2; 216; 165739424",
      "257; 166 164 256 139 132 37 76 241; 4184656; 1425740638",
      "46340; 29577 37117 28059 7291 18583 13452 17192 8636; 23058375405; 228998247",
      "46341; 16840 2378 6827 8806 3922 13290 14984 20342; 23044025316; 1596748668",
      "65536; 63487 52336 6827 62344 3922 13290 14984 20342; 32682410927; 957959597",
      "100000; 95675 52336 6827 62344 3922 13290 14984 20342; 49974235654; 1772269153",
  })
  void shuffleMatchesStdShuffle(int n, String first, long checksum, long next) {
    MinStdRand r = new MinStdRand(1234);
    int[] p = IntStream.range(0, n).toArray();
    r.shuffle(p, n);
    int[] head = java.util.Arrays.stream(first.split(" ")).mapToInt(Integer::parseInt).toArray();
    assertThat(java.util.Arrays.copyOf(p, head.length)).containsExactly(head);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (long) p[i] * (i + 1) % 1000003;
    }
    assertThat(sum).isEqualTo(checksum);
    assertThat(r.next()).isEqualTo(next);
  }

  @Test
  void uniformIntStaysInRange() {
    MinStdRand r = new MinStdRand(7);
    for (int i = 0; i < 1000; i++) {
      assertThat(r.uniformInt(3)).isBetween(0L, 2L);
    }
    assertThat(r.uniformInt(1)).isZero();
  }
}
