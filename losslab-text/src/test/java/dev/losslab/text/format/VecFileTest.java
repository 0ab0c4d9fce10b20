package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VecFileTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path f = dir.resolve("v.vec");
    Files.write(f, content.getBytes(StandardCharsets.ISO_8859_1));
    return f;
  }

  private static float[] row(VecFile v, int i) {
    float[] out = new float[v.dim()];
    v.copyRow(i, out, 0);
    return out;
  }

  @Test
  void readsWhatFastTextWrites() throws IOException {
    // the head of a .vec written by fastText 0.9.2: a space after every value
    VecFile v = VecFile.read(file("3 3\n</s> -0.29098 0.26996 -0.21626 \nx -0.017213 0.040648 0.0098785 \n"
        + "\u00ff\u00fe 7.6763e-05 1 -2 \n"), 3);
    assertThat(v.size()).isEqualTo(3);
    assertThat(v.dim()).isEqualTo(3);
    assertThat(new String(v.word(1), StandardCharsets.US_ASCII)).isEqualTo("x");
    assertThat(v.word(2)).containsExactly(0xff, 0xfe);
    assertThat(row(v, 0)).containsExactly(-0.29098f, 0.26996f, -0.21626f);
    assertThat(row(v, 2)).containsExactly(7.6763e-05f, 1f, -2f);
    assertThat(v.ignoredLines()).isZero();
  }

  @Test
  void blankLinesTabsAndWindowsLineEndingsAreWhitespace() throws IOException {
    VecFile v = VecFile.read(file("2\t2\r\n\r\na\t1 2\r\n   \nb 3\t4"), 0);
    assertThat(row(v, 0)).containsExactly(1f, 2f);
    assertThat(row(v, 1)).containsExactly(3f, 4f);
  }

  @Test
  void linesAfterTheCountAreIgnoredAndCounted() throws IOException {
    VecFile v = VecFile.read(file("1 2\na 1 2\nb 3 4\n\nc 5\n"), 2);
    assertThat(v.size()).isEqualTo(1);
    assertThat(v.ignoredLines()).isEqualTo(2);
  }

  @Test
  void aDimensionMismatchNamesTheFileAndBothDimensions() throws IOException {
    Path f = file("1 300\n");
    assertThatThrownBy(() -> VecFile.read(f, 100))
        .hasMessage(f + ": the vectors have dimension 300, -dim is 100 (train with -dim 300)");
  }

  @Test
  void malformedFilesNameTheFileAndLine() throws IOException {
    String[][] cases = {
        {"", ": the file is empty (a .vec file starts with 'COUNT DIM')"},
        {"3\n", ":1: the header must be 'COUNT DIM', two integers with DIM > 0 (found '3')"},
        {"2 0\n", ":1: the header must be 'COUNT DIM', two integers with DIM > 0 (found '2 0')"},
        {"x 2\n", ":1: the header must be 'COUNT DIM', two integers with DIM > 0 (found 'x 2')"},
        {"2 2\na 1 2\nb 3\n", ":3: 'b' has 1 values, the header says 2"},
        {"2 2\na 1 2\nb 3 4 5\n", ":3: 'b' has more than 2 values, the header says 2"},
        {"2 2\na 1 2\n\nb 3 nan\n", ":4: value 2 of 'b' ('nan') is not a number"},
        {"1 2\na 1 1e40\n", ":2: value 2 of 'a' ('1e40') is not finite as a float"},
        {"3 2\na 1 2\nb 3 4\n", ": the header counts 3 vectors, the file holds 2"},
        {"1000000000 100\na 1\n", ":1: the header counts 1000000000 vectors of 100 values, more than"
            + " the file's 19 bytes can hold"},
    };
    for (String[] c : cases) {
      Path f = file(c[0]);
      assertThatThrownBy(() -> VecFile.read(f, 0)).as(c[0]).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(f + c[1]);
    }
    assertThatThrownBy(() -> VecFile.read(dir.resolve("none.vec"), 0))
        .hasMessage(dir.resolve("none.vec") + ": no such file");
  }

  @Test
  void writesFastTextsLayoutAndReadsItBack() throws IOException {
    Path f = dir.resolve("out.vec");
    byte[][] words = {"</s>".getBytes(StandardCharsets.US_ASCII), {(byte) 0xc3}, "x".getBytes(StandardCharsets.US_ASCII)};
    float[][] rows = {{-0.29098f, 0.26996f}, {7.6763e-05f, 0f}, {1f, -123456f}};
    VecFile.write(f, 3, 2, i -> words[i], (i, out) -> System.arraycopy(rows[i], 0, out, 0, 2));
    byte[] expected = ("3 2\n</s> -0.29098 0.26996 \n\u00c3 7.6763e-05 0 \nx 1 -1.2346e+05 \n")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Files.readAllBytes(f)).isEqualTo(expected);
    VecFile back = VecFile.read(f, 2);
    assertThat(back.word(1)).isEqualTo(words[1]);
    assertThat(row(back, 0)).containsExactly(rows[0]);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void writesLongWordsAndManyRows() throws IOException {
    Path f = dir.resolve("big.vec");
    byte[] longWord = "w".repeat(3_000_000).getBytes(StandardCharsets.US_ASCII);
    int n = 20_000;
    VecFile.write(f, n, 8, i -> i == 7 ? longWord : ("w" + i).getBytes(StandardCharsets.US_ASCII),
        (i, out) -> java.util.Arrays.fill(out, i * 0.001f));
    VecFile back = VecFile.read(f, 8);
    assertThat(back.size()).isEqualTo(n);
    assertThat(back.word(7)).isEqualTo(longWord);
    assertThat(row(back, 12_345)[3]).isEqualTo(12.345f);
  }
}
