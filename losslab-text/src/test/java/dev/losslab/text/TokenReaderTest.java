package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenReaderTest {
  private static final byte[] TEXT = latin1("a \u00c3 b\nok \u00ff\u00fe \u00c3\u00a9\n\u00e9t\u00e9 fine\n");

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<String> tokens(TokenReader r) {
    List<String> out = new ArrayList<>();
    while (r.next()) {
      out.add(new String(r.bytes(), r.offset(), r.length(), StandardCharsets.ISO_8859_1));
    }
    return out;
  }

  @Test
  void invalidUtf8IsReadAsBytesAndItsLinesCounted() {
    TokenReader r = new TokenReader(new ByteArrayInputStream(TEXT), "t.txt");
    assertThat(tokens(r)).containsExactly("a", "\u00c3", "b", "</s>", "ok", "\u00ff\u00fe",
        "\u00c3\u00a9", "</s>", "\u00e9t\u00e9", "fine", "</s>");
    // line 1: a lone lead byte; line 2: 0xff 0xfe (the valid é after it does not count twice);
    // line 3: Latin-1 é followed by 't'
    assertThat(r.invalidUtf8Lines()).isEqualTo(3);
    assertThat(r.firstInvalidUtf8Line()).isEqualTo(1);
    assertThat(r.position()).isEqualTo(TEXT.length);
  }

  @Test
  void validUtf8CountsNothing() {
    byte[] b = "caf\u00e9 \u65e5\u672c \ud83d\ude00\n".getBytes(StandardCharsets.UTF_8);
    TokenReader r = new TokenReader(new ByteArrayInputStream(b), "t.txt");
    assertThat(tokens(r)).hasSize(4);
    assertThat(r.invalidUtf8Lines()).isZero();
    assertThat(r.firstInvalidUtf8Line()).isZero();
  }

  @Test
  void aStrictReaderNamesTheLineAndTheByte() {
    TokenReader r = TokenReader.strict(new ByteArrayInputStream(latin1("fine\nok x\u00ff\n")), "t.txt");
    assertThat(r.next()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.next()).isTrue();
    assertThatThrownBy(r::next)
        .hasMessage("t.txt:2: invalid UTF-8 (byte 0xff at position 2 of a token)");
  }

  @Test
  void overlongAndSurrogateEncodingsAreInvalid() {
    for (byte[] bad : new byte[][] {{(byte) 0xc0, (byte) 0x80}, {(byte) 0xe0, (byte) 0x80, (byte) 0x80},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xe2, (byte) 0x82}}) {
      TokenReader r = new TokenReader(new ByteArrayInputStream(bad), "t");
      assertThat(r.next()).isTrue();
      assertThat(r.invalidUtf8Lines()).isEqualTo(1);
    }
  }

  @Test
  void anArrayIsSplitInPlaceAndCanBeReset() {
    byte[] a = "x y\nz".getBytes(StandardCharsets.US_ASCII);
    byte[] copy = a.clone();
    TokenReader r = new TokenReader(a, a.length, "text");
    assertThat(tokens(r)).containsExactly("x", "y", "</s>", "z");
    assertThat(r.next()).isFalse();
    assertThat(a).isEqualTo(copy);
    byte[] b = latin1("  \u00ff q\n tail");
    r.reset(b, 6);
    assertThat(r.next()).isTrue();
    assertThat(r.bytes()).isSameAs(b);
    assertThat(r.offset()).isEqualTo(2);
    assertThat(tokens(r)).containsExactly("q", "</s>");
    assertThat(r.invalidUtf8Lines()).isEqualTo(1);
    assertThat(r.position()).isEqualTo(6);
  }

  @Test
  void longTokensAcrossBufferRefillsAreWhole() {
    String big = "w".repeat(200_000);
    byte[] b = ("a " + big + " b\n").getBytes(StandardCharsets.US_ASCII);
    TokenReader r = new TokenReader(new ByteArrayInputStream(b), "t");
    assertThat(tokens(r)).containsExactly("a", big, "b", "</s>");
  }

  @Test
  void aStreamReaderCannotBeReset() {
    TokenReader r = new TokenReader(new ByteArrayInputStream(new byte[0]), "t");
    assertThatThrownBy(() -> r.reset(new byte[1], 1)).isInstanceOf(IllegalStateException.class);
  }
}
