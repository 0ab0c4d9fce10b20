package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
  private static final Args ARGS = Args.builder().thread(1).build();

  private static TrainingData read(byte[] b) {
    return TrainingData.read(() -> new java.io.ByteArrayInputStream(b), "data.txt", ARGS);
  }

  private static TrainingData read(String s) {
    return read(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void emptyFile() {
    assertThatThrownBy(() -> read("")).hasMessage("data.txt: the file is empty");
  }

  @Test
  void labelsWithoutWordsNamesTheLine() {
    assertThatThrownBy(() -> read("__label__a x\n\n__label__b\n"))
        .hasMessage("data.txt:3: the line has labels but no words");
  }

  @Test
  void wordsWithoutLabelNamesTheLine() {
    assertThatThrownBy(() -> read("__label__a x\n__label__b y\nz w\n"))
        .hasMessageStartingWith("data.txt:3: the line has words but no label");
  }

  @Test
  void oneLabelOnly() {
    assertThatThrownBy(() -> read("__label__a x\n__label__a y\n"))
        .hasMessageContaining("only one label (__label__a)");
  }

  @Test
  void invalidUtf8NamesTheLine() {
    byte[] b = "__label__a x\n__label__b y\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> read(b)).hasMessageStartingWith("data.txt:2: invalid UTF-8");
  }

  @Test
  void windowsLineEndingsReadLikeUnixOnes() {
    TrainingData unix = read("__label__a x y\n__label__b y z\n");
    TrainingData windows = read("__label__a x y\r\n__label__b y z\r\n");
    assertThat(windows.dictionary().size()).isEqualTo(unix.dictionary().size());
    assertThat(CorpusTest.rowsOf(windows.corpus())).isDeepEqualTo(CorpusTest.rowsOf(unix.corpus()));
    assertThat(windows.dictionary().ntokens()).isEqualTo(unix.dictionary().ntokens());
  }

  @Test
  void aTenMegabyteLineIsOneExample() {
    StringBuilder s = new StringBuilder("__label__a");
    while (s.length() < 10_000_000) {
      s.append(" w").append(s.length() % 1000);
    }
    s.append("\n__label__b short line\n");
    TrainingData d = read(s.toString());
    assertThat(d.corpus().lines()).isEqualTo(2);
    // one 10 MB token too
    TrainingData t = read("__label__a " + "x".repeat(10_000_000) + "\n__label__b y\n");
    assertThat(t.dictionary().count(t.dictionary().find("x".repeat(10_000_000)))).isEqualTo(1);
  }

  @Test
  void labelsAnywhereOnTheLineAndEmptyLinesSkipped() {
    TrainingData d = read("x __label__a y\n\n  \n__label__b z\n");
    assertThat(d.corpus().lines()).isEqualTo(2);
    assertThat(d.corpus().totalTokens()).isEqualTo(d.dictionary().ntokens());
  }
}
