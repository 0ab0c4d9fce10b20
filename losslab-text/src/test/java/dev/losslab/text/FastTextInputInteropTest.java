package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.losslab.text.format.DictionaryEntries;
import dev.losslab.text.format.FastTextBinary;
import dev.losslab.text.format.VecFile;
import dev.losslab.text.testing.ExternalProgram;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading layer against the real fastText (Debian 0.9.2): the dictionary of a file with invalid
 * UTF-8, lines of labels alone and lines of words alone; the dictionary and rows of
 * {@code -pretrainedVectors}; the {@code .vec} of a model. Skipped when {@code fasttext} is not on the
 * PATH.
 */
class FastTextInputInteropTest {
  private static Path fasttext;

  @TempDir Path dir;

  @BeforeAll
  static void findFastText() {
    fasttext = ExternalProgram.onPath("fasttext").orElse(null);
    assumeTrue(fasttext != null, "fasttext is not on the PATH: skipping the input interop tests "
        + "against the real fastText (install it with: apt-get install fasttext)");
  }

  /** The kitchen fixture with invalid bytes, lines of labels alone and lines of words alone mixed in. */
  private Path messyTrain() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (InputStream in = FastTextInputInteropTest.class.getResourceAsStream("format/kitchen-train.txt")) {
      byte[] all = in.readAllBytes();
      int line = 0;
      for (int i = 0, start = 0; i < all.length; i++) {
        if (all[i] != '\n') {
          continue;
        }
        b.write(all, start, i - start);
        if (line % 7 == 3) {
          b.writeBytes(new byte[] {' ', 'c', 'a', 'f', (byte) 0xe9, ' ', (byte) 0xff, (byte) 0xfe, ' ',
              (byte) 0xc3, ' ', 'o', 'k', (byte) 0xc3, (byte) 0xa9});
        }
        b.write('\n');
        if (line % 11 == 5) {
          b.writeBytes("__label__cake\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (line % 13 == 2) {
          b.writeBytes("just some words no label\n".getBytes(StandardCharsets.US_ASCII));
        }
        start = i + 1;
        line++;
      }
    }
    Path f = dir.resolve("messy.txt");
    Files.write(f, b.toByteArray());
    return f;
  }

  private static final String FLAGS = "-dim 4 -epoch 1 -minn 2 -maxn 3 -bucket 1000 -wordNgrams 2";

  private static Args args() {
    return Args.builder().dim(4).epoch(1).minn(2).maxn(3).bucket(1000).wordNgrams(2).thread(1).build();
  }

  /** The dictionary of a model file: header counts, then each entry as hex bytes, count and type, sorted. */
  private static List<String> dictionary(Path model) throws IOException {
    DictionaryEntries d = FastTextBinary.readCompact(model).dictionary();
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < d.nwords() + d.nlabels(); i++) {
      entries.add(HexFormat.of().formatHex(d.wordBytes(i)) + " " + d.count(i) + " "
          + (i < d.nwords() ? "word" : "label"));
    }
    entries.sort(null);
    List<String> out = new ArrayList<>(List.of("nwords " + d.nwords(), "nlabels " + d.nlabels(),
        "ntokens " + d.ntokens()));
    out.addAll(entries);
    return out;
  }

  private Path trainHere(Path input, Args args, TrainingData.Options options, String name)
      throws IOException {
    TrainingData data = TrainingData.read(input, args, options);
    TextClassifier c = Trainer.train(args, data, Heads.create(args, data.dictionary().labelCounts()), null);
    Path out = dir.resolve(name + ".bin");
    ModelFiles.save(c, out);
    return out;
  }

  @Test
  void invalidBytesAndLinesOfLabelsOrWordsAloneGiveFastTextsDictionary() throws Exception {
    Path train = messyTrain();
    run(("supervised -input " + train + " -output " + dir.resolve("ft") + " -thread 1 -verbose 0 "
        + FLAGS).split(" "));
    TrainingData data = TrainingData.read(train, args(), TrainingData.Options.DEFAULT);
    assertThat(data.issues()).extracting(InputIssue::kind).containsExactly(InputIssue.Kind.INVALID_UTF8,
        InputIssue.Kind.LABELS_WITHOUT_WORDS, InputIssue.Kind.WORDS_WITHOUT_LABEL);
    Path ours = trainHere(train, args(), TrainingData.Options.DEFAULT, "ours");
    assertThat(dictionary(ours)).isEqualTo(dictionary(dir.resolve("ft.bin")));
    // fastText's own dump of both files, entries sorted: the same bytes
    assertThat(sortedDump(ours)).isEqualTo(sortedDump(dir.resolve("ft.bin")));
  }

  private List<String> sortedDump(Path model) throws Exception {
    List<String> lines = new ArrayList<>(Arrays.asList(
        new String(runBytes("dump", model.toString(), "dict"), StandardCharsets.ISO_8859_1).split("\n")));
    lines.sort(null);
    return lines;
  }

  @Test
  void pretrainedVectorsGiveFastTextsDictionaryAndRows() throws Exception {
    Path train = messyTrain();
    Path vec = dir.resolve("p.vec");
    // words of the data, a word it lacks, a label, and a word twice
    Files.writeString(vec, "6 4\nthe 0.5 -0.25 0.125 1\nnotintraining 1 2 3 4\n__label__pretrained 1 1 1 1\n"
        + "oven -1 -2 -3 -4\n</s> 0.1 0.2 0.3 0.4\nthe 0.75 0.5 0.25 0\n");
    String flags = "-dim 4 -epoch 1 -lr 0.000000001 -wordNgrams 2 -bucket 1000";
    run(("supervised -input " + train + " -output " + dir.resolve("ftp") + " -thread 1 -verbose 0 "
        + "-pretrainedVectors " + vec + " " + flags).split(" "));
    Args args = Args.builder().dim(4).epoch(1).lr(1e-9).wordNgrams(2).bucket(1000).thread(1).build();
    Path ours = trainHere(train, args, TrainingData.Options.DEFAULT
        .withPretrainedVectors(VecFile.read(vec, 4)), "oursp");
    assertThat(dictionary(ours)).isEqualTo(dictionary(dir.resolve("ftp.bin")));
    TextClassifier theirs = ModelFiles.load(dir.resolve("ftp.bin"));
    TextClassifier mine = ModelFiles.load(ours);
    for (String w : List.of("the", "notintraining", "oven", "</s>")) {
      float[] expected = row(theirs, w);
      assertThat(row(mine, w)).as(w).containsExactly(expected, within(1e-6f));
    }
    assertThat(row(mine, "the")).containsExactly(new float[] {0.75f, 0.5f, 0.25f, 0f}, within(1e-6f));
  }

  private static float[] row(TextClassifier c, String word) {
    int id = c.dictionary().find(word);
    assertThat(id).as(word).isBetween(0, c.dictionary().nwords() - 1);
    int dim = c.model().dim();
    return Arrays.copyOfRange(c.model().input(), id * dim, id * dim + dim);
  }

  @Test
  void theVecOfAFastTextModelIsTheOneFastTextWrites() throws Exception {
    Path train = messyTrain();
    run(("supervised -input " + train + " -output " + dir.resolve("v") + " -thread 1 -verbose 0 "
        + FLAGS).split(" "));
    TextClassifier c = ModelFiles.load(dir.resolve("v.bin"));
    Path ours = dir.resolve("ours.vec");
    new WordVectors(c).writeVec(ours);
    assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(dir.resolve("v.vec")));
  }

  private void run(String... args) throws Exception {
    runBytes(args);
  }

  /** Runs fasttext with {@code args}; returns its standard output; fails on a non-zero exit. */
  private byte[] runBytes(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(fasttext.toString());
    cmd.addAll(Arrays.asList(args));
    return ExternalProgram.run(dir, new byte[0], cmd, 120);
  }
}
