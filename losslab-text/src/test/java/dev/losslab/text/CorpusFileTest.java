package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.text.format.VecFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus file that training streams from, against the in-heap {@link Corpus}. */
class CorpusFileTest {
  @TempDir Path tmp;

  private TrainingData.Options inTmp() {
    return TrainingData.Options.DEFAULT.withTempFolder(tmp);
  }

  /** One line as a cursor gives it: rows, labels, tokens. */
  record Line(List<Integer> rows, List<Integer> labels, long tokens) {}

  static List<Line> lines(EncodedLines data, long from, long to) {
    try (EncodedLines.Cursor c = data.cursor(from, to)) {
      return rest(c);
    }
  }

  /** The lines a cursor gives from where it is to the end of its range. */
  static List<Line> rest(EncodedLines.Cursor c) {
    List<Line> out = new ArrayList<>();
    while (c.next()) {
      List<Integer> rows = new ArrayList<>();
      for (int i = c.rowsFrom(); i < c.rowsTo(); i++) {
        rows.add(c.rows()[i]);
      }
      List<Integer> labels = new ArrayList<>();
      for (int i = c.labelsFrom(); i < c.labelsTo(); i++) {
        labels.add(c.labels()[i]);
      }
      out.add(new Line(rows, labels, c.tokens()));
    }
    return out;
  }

  /**
   * A corpus with every kind of line: skipped, rare words and labels, empty lines, words without a
   * label, labels without words, invalid UTF-8 next to valid non-ASCII, no final newline.
   */
  static byte[] corpus(int lines, long seed) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      switch (r.nextInt(14)) {
        case 0 -> b.append('\n');
        case 1 -> b.append("__label__rare").append(i).append(" w").append(r.nextInt(50)).append('\n');
        case 2 -> b.append("w").append(r.nextInt(60)).append(" w").append(r.nextInt(60)).append('\n');
        case 3 -> b.append("__label__l").append(r.nextInt(5))
            .append(r.nextInt(3) == 0 ? " __label__l" + r.nextInt(5) : "").append('\n');
        // U+00FF and U+00FE become the bytes 0xff 0xfe (never valid UTF-8); caf\u00c3\u00a9 is "café"
        case 4 -> b.append("__label__l").append(r.nextInt(5)).append(" w").append(r.nextInt(60))
            .append(r.nextInt(2) == 0 ? " \u00ff\u00feb" : " x\u00ff").append(" caf\u00c3\u00a9")
            .append('\n');
        default -> {
          b.append("__label__l").append(r.nextInt(5));
          if (r.nextInt(4) == 0) {
            b.append(" __label__l").append(r.nextInt(5));
          }
          int n = 1 + r.nextInt(12);
          for (int t = 0; t < n; t++) {
            b.append(' ').append(r.nextInt(8) == 0 ? "u" + r.nextInt(100_000) : "w" + r.nextInt(60));
          }
          b.append('\n');
        }
      }
    }
    b.append("__label__l1 w1 w2"); // no newline at the end
    return b.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static TrainingData.Source source(byte[] text) {
    return () -> new ByteArrayInputStream(text);
  }

  /** Every entry of a dictionary: its bytes, count and kind. */
  static List<String> entries(Dictionary d) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      out.add(Arrays.toString(d.wordBytes(i)) + " " + d.count(i) + (i < d.nwords() ? " word" : " label"));
    }
    return out;
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("unigrams", Args.builder().bucket(97).build()),
        Arguments.of("bigrams", Args.builder().wordNgrams(2).bucket(97).build()),
        Arguments.of("trigrams, minCount 2", Args.builder().wordNgrams(3).minCount(2).bucket(97).build()),
        Arguments.of("char n-grams", Args.builder().minn(2).maxn(4).bucket(97).build()),
        Arguments.of("char n-grams and bigrams, minCountLabel 2",
            Args.builder().minn(3).maxn(3).wordNgrams(2).minCountLabel(2).bucket(97).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void streamedLinesAreTheInHeapLines(String name, Args args) {
    byte[] text = corpus(3000, 7);
    TrainingData heap = TrainingData.inMemory(source(text), "d", args);
    try (TrainingData onePass = TrainingData.read(source(text), "d", args, inTmp());
        TrainingData twoPass = OnePassEncoder.read(source(text), "d", args, inTmp(), true)) {
      assertThat(onePass.lines()).isInstanceOf(CorpusFile.class);
      List<Line> expected = lines(heap.lines(), 0, heap.lines().lineCount());
      assertThat(expected).hasSizeGreaterThan(2000);
      assertThat(heap.issues()).extracting(InputIssue::kind).containsExactly(
          InputIssue.Kind.INVALID_UTF8, InputIssue.Kind.LABELS_WITHOUT_WORDS,
          InputIssue.Kind.WORDS_WITHOUT_LABEL);
      for (TrainingData d : List.of(onePass, twoPass)) {
        assertThat(entries(d.dictionary())).isEqualTo(entries(heap.dictionary()));
        assertThat(d.issues()).isEqualTo(heap.issues());
        assertThat(d.dictionary().ntokens()).isEqualTo(heap.dictionary().ntokens());
        assertThat(d.lines().lineCount()).isEqualTo(heap.lines().lineCount());
        assertThat(d.lines().totalTokens()).isEqualTo(heap.lines().totalTokens())
            .isEqualTo(heap.dictionary().ntokens());
        assertThat(lines(d.lines(), 0, d.lines().lineCount())).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aFileReadInPartsIsTheFileReadInOnePiece(String name, Args settings) throws IOException {
    byte[] text = corpus(3000, 5);
    Path file = Files.write(tmp.resolve("train.txt"), text);
    Args one = settings.toBuilder().thread(1).build();
    try (TrainingData whole = TrainingData.read(TrainingData.file(file), "d", one, inTmp())) {
      List<Line> expected = lines(whole.lines(), 0, whole.lines().lineCount());
      for (int threads : new int[] {2, 3, 7}) {
        Args args = settings.toBuilder().thread(threads).build();
        assertThat(ParallelCount.cuts(file, "d", threads, 1)).hasSize(threads + 1);
        try (TrainingData parts = OnePassEncoder.read(TrainingData.file(file), "d", args, inTmp(),
            false, 1, Integer.MAX_VALUE)) {
          assertThat(entries(parts.dictionary())).as("%d parts", threads)
              .isEqualTo(entries(whole.dictionary()));
          assertThat(parts.issues()).isEqualTo(whole.issues());
          assertThat(parts.dictionary().ntokens()).isEqualTo(whole.dictionary().ntokens());
          assertThat(parts.lines().totalTokens()).isEqualTo(whole.lines().totalTokens());
          assertThat(lines(parts.lines(), 0, parts.lines().lineCount())).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void partsEndAfterANewlineAndAFileWithoutOneIsOnePiece() throws IOException {
    Path file = Files.writeString(tmp.resolve("t.txt"), "__label__a x y\r\n__label__b z\n__label__a x\n");
    long[] cuts = ParallelCount.cuts(file, "t", 8, 1);
    // at most one cut per line: after "...\r\n" (16), after "z\n" (29), and the end (42)
    assertThat(cuts).containsExactly(0, 16, 29, 42);
    Path one = Files.writeString(tmp.resolve("one.txt"), "__label__a x y z w v u t s r q");
    assertThat(ParallelCount.cuts(one, "one", 4, 1)).containsExactly(0, 30);
    Args args = Args.builder().thread(4).build();
    assertThat(ParallelCount.count(one, "one", args, 4, 1, tmp)).isNull();
    // below two parts of the minimum, one piece
    assertThat(ParallelCount.cuts(file, "t", 8, 1 << 20)).containsExactly(0, 42);
    try (TrainingData d = OnePassEncoder.read(TrainingData.file(file), "t", args, inTmp(), false, 1,
            Integer.MAX_VALUE)) {
      assertThat(d.lines().lineCount()).isEqualTo(3);
      assertThat(d.dictionary().ntokens()).isEqualTo(10);
    }
  }

  @Test
  void theIssuesOfALaterPartNameTheirLineInTheFile() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      b.append("__label__a w").append(i).append('\n');
    }
    b.append("no label here\n__label__b\n__label__b x\u00ff\n__label__a w1\n");
    Path file = Files.write(tmp.resolve("late.txt"), b.toString().getBytes(StandardCharsets.ISO_8859_1));
    Args args = Args.builder().thread(4).build();
    assertThat(ParallelCount.cuts(file, "late", 4, 1)).hasSize(5);
    try (TrainingData d = OnePassEncoder.read(TrainingData.file(file), "late", args, inTmp(), false,
        1, Integer.MAX_VALUE)) {
      assertThat(d.issues()).containsExactly(
          new InputIssue(InputIssue.Kind.INVALID_UTF8, 1, "late", 43),
          new InputIssue(InputIssue.Kind.LABELS_WITHOUT_WORDS, 1, "late", 42),
          new InputIssue(InputIssue.Kind.WORDS_WITHOUT_LABEL, 1, "late", 41));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void streamingTrainsTheInHeapModelBitForBit(String name, Args settings) {
    Args args = settings.toBuilder().thread(1).seed(11).dim(8).epoch(3).lr(0.3).build();
    byte[] text = corpus(800, 3);
    TrainingData heap = TrainingData.inMemory(source(text), "d", args);
    try (TrainingData file = TrainingData.read(source(text), "d", args, inTmp())) {
      TextClassifier a = Trainer.train(args, heap, Heads.create(args, heap.dictionary().labelCounts()),
          null);
      TextClassifier b = Trainer.train(args, file, Heads.create(args, file.dictionary().labelCounts()),
          null);
      assertThat(Arrays.equals(a.model().input(), b.model().input())).isTrue();
      assertThat(Arrays.equals(a.model().output(), b.model().output())).isTrue();
    }
  }

  @Test
  void anyRangeReadsTheSameLinesPastTheCheckpointTable() {
    // more lines than checkpoints: the spacing doubles and a cursor skips records to its start
    int n = 3 * CorpusFile.MAX_CHECKPOINTS + 17;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("__label__").append(i % 3).append(" w").append(i % 7).append(" x").append(i % 11)
          .append('\n');
    }
    Args args = Args.builder().wordNgrams(2).bucket(101).build();
    TrainingData heap = TrainingData.inMemory(Fixtures.source(b.toString()), "d", args);
    try (TrainingData file = TrainingData.read(Fixtures.source(b.toString()), "d", args, inTmp())) {
      List<Line> all = lines(heap.lines(), 0, n);
      Random r = new Random(1);
      for (int k = 0; k < 20; k++) {
        int from = r.nextInt(n);
        int to = from + r.nextInt(n - from + 1);
        assertThat(lines(file.lines(), from, to)).isEqualTo(all.subList(from, to));
      }
      assertThat(lines(file.lines(), n, n)).isEmpty();
      assertThatThrownBy(() -> file.lines().cursor(0, n + 1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aMovedCursorReadsWhatANewCursorReads() {
    // far more lines than checkpoints, so that a move may skip records, jump to a recorded offset or
    // go back; the moves start mid-range, at the end of a range and after an empty one
    int n = 2 * CorpusFile.MAX_CHECKPOINTS + 5;
    byte[] text = corpus(n, 9);
    Args args = Args.builder().wordNgrams(2).bucket(101).build();
    TrainingData heap = TrainingData.inMemory(source(text), "d", args);
    try (TrainingData file = TrainingData.read(source(text), "d", args, inTmp())) {
      long lines = heap.lines().lineCount();
      List<Line> all = lines(heap.lines(), 0, lines);
      for (EncodedLines data : List.of(heap.lines(), file.lines())) {
        Random r = new Random(4);
        try (EncodedLines.Cursor c = data.cursor(0, 3)) {
          c.next();
          for (int k = 0; k < 60; k++) {
            long from = switch (k % 4) {
              case 0 -> Math.min(lines, c.line() + 1 + r.nextInt(40)); // a little forward
              case 1 -> r.nextLong(lines + 1); // anywhere
              case 2 -> Math.max(0, c.line() - r.nextInt(40)); // back
              default -> Math.min(lines, c.line() + 1); // the very next line
            };
            long to = Math.min(lines, from + r.nextInt(3 * 97));
            c.moveTo(from, to);
            if (k % 3 == 0) {
              assertThat(rest(c)).as("move %d to [%d, %d)", k, from, to)
                  .isEqualTo(all.subList((int) from, (int) to));
            } else if (c.next()) { // part of the range only
              assertThat(c.line()).isEqualTo(from);
            }
          }
        }
        try (EncodedLines.Cursor c = data.cursor(0, 0)) {
          assertThatThrownBy(() -> c.moveTo(2, 1)).isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> c.moveTo(0, lines + 1))
              .isInstanceOf(IllegalArgumentException.class);
        }
      }
    }
  }

  @Test
  void tokenCountsAndTotalsAreSixtyFourBit() {
    // a line that stands for more than 2^31 tokens (the skipped lines before it), as a corpus past
    // 2^31 tokens has in total
    long big = 3L << 31;
    try (CorpusFile.Writer w = CorpusFile.writer(tmp, null)) {
      w.skip(big);
      w.rowsLine(new int[] {1, 2, 3}, 3, new int[] {0}, 1, 4);
      w.rowsLine(new int[] {Integer.MAX_VALUE}, 1, new int[] {1, 0}, 2, 2);
      w.skip(big);
      CorpusFile f = w.finish();
      try (f) {
        assertThat(f.lineCount()).isEqualTo(2);
        assertThat(f.totalTokens()).isEqualTo(2 * big + 6);
        assertThat(lines(f, 0, 2)).containsExactly(
            new Line(List.of(1, 2, 3), List.of(0), big + 4),
            new Line(List.of(Integer.MAX_VALUE), List.of(1, 0), big + 2));
      }
    }
  }

  @Test
  void aFileOfOnlySkippedLinesHasNoLineToRead() {
    try (CorpusFile.Writer w = CorpusFile.writer(tmp, null)) {
      w.skip(5);
      try (CorpusFile f = w.finish()) {
        assertThat(f.lineCount()).isZero();
        assertThat(f.totalTokens()).isEqualTo(5);
        assertThat(lines(f, 0, 0)).isEmpty();
      }
    }
  }

  @Test
  void varintsRoundTripEverySize() {
    long[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, 1L << 31, 1L << 32,
        Long.MAX_VALUE, -1L};
    byte[] buf = new byte[10 * values.length];
    int n = 0;
    for (long v : values) {
      int m = Varint.put(buf, n, v);
      assertThat(m - n).isEqualTo(Varint.length(v));
      n = m;
    }
    try (ScratchFile f = ScratchFile.create(tmp, "varints")) {
      ScratchFile.Output out = f.output(64);
      for (long v : values) {
        out.varint(v);
      }
      out.flush();
      assertThat(f.size()).isEqualTo(n);
      ScratchFile.Input in = f.input(0, 64);
      for (long v : values) {
        assertThat(in.varint()).isEqualTo(v);
      }
      assertThat(in.atEnd()).isTrue();
    }
  }

  @Test
  void theTemporaryFilesLeaveNothingBehind() throws Exception {
    try (TrainingData d = TrainingData.read(source(corpus(200, 1)), "d",
        Args.builder().build(), inTmp())) {
      assertThat(d.lines().lineCount()).isPositive();
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
    // a file refused with -strict fails with its line and leaves nothing either
    assertThatThrownBy(() -> TrainingData.read(Fixtures.source("__label__a x\nno label here\n__label__b y\n"), "d",
        Args.builder().build(), inTmp().withStrict(true))).hasMessage("d:2: the line has words but no label (labels start"
            + " with '__label__')");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aBadByteALineOfLabelsAndALineWithoutLabelAreStreamedAsInHeap() {
    byte[] text = "__label__a x\u00ff y\n__label__b\nno label\n__label__a __label__b y\n__label__b"
        .getBytes(StandardCharsets.ISO_8859_1);
    Args args = Args.builder().build();
    TrainingData heap = TrainingData.inMemory(source(text), "d", args);
    try (TrainingData onePass = TrainingData.read(source(text), "d", args, inTmp());
        TrainingData twoPass = OnePassEncoder.read(source(text), "d", args, inTmp(), true)) {
      Dictionary dict = onePass.dictionary();
      int bad = dict.find(new byte[] {'x', (byte) 0xff}, 0, 2);
      int y = dict.find("y");
      int eos = dict.eosId();
      int a = dict.find("__label__a") - dict.nwords();
      int b = dict.find("__label__b") - dict.nwords();
      assertThat(bad).isNotNegative();
      // the bad byte is a word of its bytes; the labels alone train on </s>; the line without label
      // is skipped, its 3 tokens counted with the next line; the last line of labels alone has no
      // newline, so no </s> and no input: skipped, its token counted with the last usable line
      List<Line> expected = List.of(new Line(List.of(bad, y, eos), List.of(a), 4),
          new Line(List.of(eos), List.of(b), 2), new Line(List.of(y, eos), List.of(a, b), 3 + 4 + 1));
      for (TrainingData d : List.of(heap, onePass, twoPass)) {
        assertThat(lines(d.lines(), 0, d.lines().lineCount())).isEqualTo(expected);
        assertThat(d.lines().totalTokens()).isEqualTo(d.dictionary().ntokens()).isEqualTo(14);
        assertThat(d.issues()).containsExactly(
            new InputIssue(InputIssue.Kind.INVALID_UTF8, 1, "d", 1),
            new InputIssue(InputIssue.Kind.LABELS_WITHOUT_WORDS, 2, "d", 2),
            new InputIssue(InputIssue.Kind.WORDS_WITHOUT_LABEL, 1, "d", 3));
      }
    }
  }

  @Test
  void strictStopsEveryPathAtTheSameLine() throws IOException {
    Args args = Args.builder().build();
    TrainingData.Options strict = inTmp().withStrict(true);
    String[][] cases = {
        {"__label__a x\n__label__b y\u00ff\n", "d:2: invalid UTF-8"},
        {"__label__a x\n\n__label__b\nno label\n__label__b y\n", "d:3: the line has labels but no words"},
        {"__label__a x\nno label\n__label__b\n__label__b y\n", "d:2: the line has words but no label"},
        // the dictionary's checks come first: no second label says so rather than naming line 2
        {"__label__a x\nno label\n", "d: only one label (__label__a)"}};
    for (String[] c : cases) {
      byte[] text = c[0].getBytes(StandardCharsets.ISO_8859_1);
      assertThatThrownBy(() -> TrainingData.inMemory(source(text), "d", args, strict))
          .hasMessageStartingWith(c[1]);
      assertThatThrownBy(() -> TrainingData.read(source(text), "d", args, strict))
          .hasMessageStartingWith(c[1]);
      assertThatThrownBy(() -> OnePassEncoder.read(source(text), "d", args, strict, true))
          .hasMessageStartingWith(c[1]);
      // without -strict the same text trains
      if (!c[1].contains("only one label")) {
        try (TrainingData d = TrainingData.read(source(text), "d", args, inTmp())) {
          assertThat(d.issues()).isNotEmpty();
        }
      }
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void pretrainedVectorsGiveTheSameDictionaryLinesAndModelStreamed() throws IOException {
    // w1 is in the corpus, w999 and __label__new are not, rare0 is below -minCount 2 and comes back
    Path vec = tmp.resolve("p.vec");
    Files.writeString(vec, "4 4\nw1 1 2 3 4\nw999 5 6 7 8\n__label__new 1 1 1 1\nrare0 0.5 0.5 0.5 0.5\n");
    Args args = Args.builder().minCount(2).wordNgrams(2).bucket(97).thread(1).seed(5).dim(4).epoch(2)
        .build();
    byte[] text = ("__label__x rare0 w1 w2\n" + new String(corpus(500, 9), StandardCharsets.ISO_8859_1))
        .getBytes(StandardCharsets.ISO_8859_1);
    TrainingData.Options options = inTmp().withPretrainedVectors(VecFile.read(vec, 4));
    TrainingData heap = TrainingData.inMemory(source(text), "d", args, options);
    try (TrainingData file = TrainingData.read(source(text), "d", args, options)) {
      Dictionary dict = file.dictionary();
      assertThat(dict.find("w999")).isNotNegative();
      assertThat(dict.find("rare0")).isNotNegative();
      assertThat(dict.find("__label__new")).isGreaterThanOrEqualTo(dict.nwords());
      assertThat(entries(dict)).isEqualTo(entries(heap.dictionary()));
      assertThat(lines(file.lines(), 0, file.lines().lineCount()))
          .isEqualTo(lines(heap.lines(), 0, heap.lines().lineCount()));
      // the first line's rare0 has a row again
      assertThat(lines(file.lines(), 0, 1).get(0).rows()).contains(dict.find("rare0"));
      TextClassifier a = Trainer.train(args, heap, Heads.create(args, heap.dictionary().labelCounts()),
          null);
      TextClassifier b = Trainer.train(args, file, Heads.create(args, dict.labelCounts()), null);
      assertThat(Arrays.equals(a.model().input(), b.model().input())).isTrue();
      assertThat(Arrays.equals(a.model().output(), b.model().output())).isTrue();
    }
  }
}
