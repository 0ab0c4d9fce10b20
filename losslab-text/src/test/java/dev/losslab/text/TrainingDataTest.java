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

  private static TrainingData strict(byte[] b) {
    return TrainingData.read(() -> new java.io.ByteArrayInputStream(b), "data.txt", ARGS,
        TrainingData.Options.DEFAULT.withStrict(true));
  }

  @Test
  void labelsWithoutWordsTrainOnEndOfLineAsInFastText() {
    TrainingData d = read("__label__a x\n\n__label__b\n__label__a __label__b\n");
    int eos = d.dictionary().eosId();
    // the line of labels alone is an example whose one input row is </s>
    assertThat(CorpusTest.rowsOf(d.corpus())).isDeepEqualTo(new int[][] {
        {d.dictionary().find("x"), eos}, {eos}, {eos}});
    assertThat(d.issues()).containsExactly(
        new InputIssue(InputIssue.Kind.LABELS_WITHOUT_WORDS, 2, "data.txt", 3));
    assertThat(d.issues().get(0).message()).isEqualTo("2 lines hold labels but no words, the first at"
        + " data.txt:3; their one input is the end-of-line token </s>, as in fastText");
    assertThatThrownBy(() -> strict("__label__a x\n\n__label__b\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("data.txt:3: the line has labels but no words");
  }

  @Test
  void wordsWithoutLabelAreSkippedAndTheirTokensCounted() {
    TrainingData d = read("__label__a x\n__label__b y\nz w\n");
    assertThat(d.corpus().lines()).isEqualTo(2);
    assertThat(d.corpus().totalTokens()).isEqualTo(d.dictionary().ntokens()).isEqualTo(9);
    // the skipped line's words are in the dictionary, as fastText counts them
    assertThat(d.dictionary().find("z")).isNotNegative();
    assertThat(d.issues()).containsExactly(
        new InputIssue(InputIssue.Kind.WORDS_WITHOUT_LABEL, 1, "data.txt", 3));
    assertThat(d.issues().get(0).message()).isEqualTo(
        "1 line holds words but no label, at data.txt:3; it is skipped, as fastText skips it");
    assertThatThrownBy(() -> strict("__label__a x\n__label__b y\nz w\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("data.txt:3: the line has words but no label");
  }

  @Test
  void oneLabelOnly() {
    assertThatThrownBy(() -> read("__label__a x\n__label__a y\n"))
        .hasMessageContaining("only one label (__label__a)");
  }

  @Test
  void invalidUtf8IsReadAsBytes() {
    byte[] b = "__label__a x\n__label__b y\u00ff\n__label__a \u00ff\u00fe y\u00ff\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    TrainingData d = read(b);
    Dictionary dict = d.dictionary();
    // the tokens are their bytes: hashed, counted and stored as such
    byte[] y = {'y', (byte) 0xff};
    int id = dict.find(y, 0, y.length);
    assertThat(id).isNotNegative();
    assertThat(dict.count(id)).isEqualTo(2);
    assertThat(dict.wordBytes(dict.find(new byte[] {(byte) 0xff, (byte) 0xfe}, 0, 2)))
        .containsExactly(0xff, 0xfe);
    assertThat(d.corpus().lines()).isEqualTo(3);
    assertThat(d.issues()).containsExactly(new InputIssue(InputIssue.Kind.INVALID_UTF8, 2, "data.txt", 2));
    assertThat(d.issues().get(0).message()).isEqualTo("2 lines hold invalid UTF-8, the first at"
        + " data.txt:2; they are read as bytes, as fastText reads them");
    assertThatThrownBy(() -> strict(b)).hasMessageStartingWith("data.txt:2: invalid UTF-8");
  }

  @Test
  void aCleanFileHasNoIssues() {
    assertThat(read("__label__a x\n__label__b y\n").issues()).isEmpty();
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
