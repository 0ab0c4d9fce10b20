package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FastTextHashTest {

  @Test
  void asciiIsTextbookFnv1a() {
    assertThat(Integer.toUnsignedLong(FastTextHash.hash(""))).isEqualTo(2166136261L);
    assertThat(Integer.toUnsignedLong(FastTextHash.hash("a"))).isEqualTo(0xe40c292cL);
    assertThat(Integer.toUnsignedLong(FastTextHash.hash("</s>"))).isEqualTo(3617362777L);
    assertThat(Integer.toUnsignedLong(FastTextHash.hash("__label__baking"))).isEqualTo(3352843247L);
  }

  @Test
  void bytesAbove0x7fAreSignExtendedAsInFastText() {
    // values from the documented algorithm (h ^= int8(b); h *= 16777619), computed independently
    assertThat(Integer.toUnsignedLong(FastTextHash.hash("café"))).isEqualTo(1970454601L);
    assertThat(Integer.toUnsignedLong(FastTextHash.hash("日本"))).isEqualTo(4164387409L);
    // textbook FNV-1a (unsigned bytes) differs on non-ASCII input
    int textbook = 0x811c9dc5;
    for (byte b : "café".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      textbook ^= b & 0xff;
      textbook *= 16777619;
    }
    assertThat(FastTextHash.hash("café")).isNotEqualTo(textbook);
  }

  @Test
  void wordNgramChainSignExtendsAndTakesTheUnsignedRemainder() {
    long h = FastTextHash.start(FastTextHash.hash("the"));
    h = FastTextHash.mix(h, FastTextHash.hash("café"));
    assertThat(FastTextHash.ngramBucket(h, 1000)).isEqualTo(981);
    assertThat(FastTextHash.ngramBucket(h, 2_000_000)).isEqualTo(449981);
  }

  @Test
  void charNgramBucketIsUnsigned32BitRemainder() {
    int h = FastTextHash.hash("日本"); // negative as an int
    assertThat(h).isNegative();
    assertThat(FastTextHash.charBucket(h, 1000)).isEqualTo((int) (4164387409L % 1000));
  }
}
