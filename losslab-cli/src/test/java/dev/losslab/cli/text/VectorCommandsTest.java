package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.cli.Main;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.WordVectors;
import dev.losslab.text.format.DecimalText;
import dev.losslab.text.format.VecFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCommandsTest {
  @TempDir Path dir;
  Path train;
  String out;
  String err;

  @BeforeEach
  void data() throws IOException {
    StringBuilder t = new StringBuilder();
    String[][] topics = {{"bread", "flour", "oven", "dough"}, {"knife", "blade", "steel", "edge"}};
    java.util.Random r = new java.util.Random(2);
    for (int i = 0; i < 200; i++) {
      int l = r.nextInt(2);
      t.append(l == 0 ? "__label__baking" : "__label__knives");
      for (int w = 0; w < 4; w++) {
        t.append(' ').append(topics[l][r.nextInt(4)]);
      }
      t.append('\n');
    }
    train = dir.resolve("train.txt");
    Files.writeString(train, t.toString());
  }

  int run(String stdin, String... args) {
    InputStream saved = System.in;
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      var cl = Main.commandLine();
      cl.setOut(new PrintWriter(o));
      cl.setErr(new PrintWriter(e));
      return cl.execute(args);
    } finally {
      System.setIn(saved);
      out = o.toString();
      err = e.toString();
    }
  }

  @Test
  void aWordThatIsNotUtf8IsPrintedAsItsBytesAndTextAsUtf8() throws IOException {
    String prefix = model();
    // "café" in UTF-8, then the word x, 0xff, 0xfe (not UTF-8)
    byte[] stdin = new byte[] {'b', 'r', 'e', 'a', 'd', ' ', 'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9, ' ', 'x',
        (byte) 0xff, (byte) 0xfe, '\n'};
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      var cl = Main.commandLine();
      cl.setOut(new dev.losslab.cli.ByteOut(bytes));
      cl.setErr(new PrintWriter(new StringWriter()));
      assertThat(cl.execute("print-word-vectors", prefix + ".bin")).isZero();
    } finally {
      System.setIn(saved);
    }
    byte[] b = bytes.toByteArray();
    String[] lines = new String(b, StandardCharsets.ISO_8859_1).split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("bread ");
    assertThat(lines[1]).startsWith("caf\u00c3\u00a9 "); // UTF-8's two bytes, whatever the locale
    assertThat(lines[2]).startsWith("x\u00ff\u00fe "); // the bytes as read
  }

  @Test
  void aLabelThatIsNotUtf8IsPredictedAsItsBytes() throws IOException {
    // the baking lines' label becomes caf, 0xff (not UTF-8), as a scraped corpus may hold
    byte[] text = Files.readAllBytes(train);
    String latin = new String(text, StandardCharsets.ISO_8859_1).replace("__label__baking", "__label__caf\u00ff");
    Files.write(train, latin.getBytes(StandardCharsets.ISO_8859_1));
    String prefix = model();
    Path test = Files.writeString(dir.resolve("test.txt"), "bread oven\nknife blade\n");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    var cl = Main.commandLine();
    cl.setOut(new dev.losslab.cli.ByteOut(bytes));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("predict-prob", prefix + ".bin", test.toString())).isZero();
    String[] lines = new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).matches("__label__caf\u00ff [0-9.]+"); // the byte as read
    assertThat(lines[1]).startsWith("__label__knives ");
    // a writer of text (as a program embedding the command line may give) gets U+FFFD for the byte
    assertThat(run("", "predict", prefix + ".bin", test.toString())).isZero();
    assertThat(out).isEqualTo("__label__caf\ufffd\n__label__knives\n");
  }

  private String model(String... extra) {
    String prefix = dir.resolve("m").toString();
    java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("supervised", "-input",
        train.toString(), "-output", prefix, "-thread", "1", "-verbose", "0", "-dim", "6", "-epoch", "3"));
    a.addAll(java.util.Arrays.asList(extra));
    assertThat(run("", a.toArray(String[]::new))).as(err).isZero();
    return prefix;
  }

  private static String values(float[] v) {
    StringBuilder b = new StringBuilder();
    for (float x : v) {
      b.append(DecimalText.general(x, 5)).append(' ');
    }
    return b.toString();
  }

  @Test
  void printWordVectorsPrintsEachWordAndItsVector() throws IOException {
    String prefix = model("-minn", "2", "-maxn", "3", "-bucket", "200");
    TextClassifier c = ModelFiles.load(Path.of(prefix + ".bin"));
    WordVectors v = new WordVectors(c);
    assertThat(run("oven steel\n\nunseen\t__label__baking", "print-word-vectors", prefix + ".bin"))
        .isZero();
    String[] lines = out.split("\n", -1);
    assertThat(lines).hasSize(5);
    String[] words = {"oven", "steel", "unseen", "__label__baking"};
    float[] vec = new float[6];
    for (int i = 0; i < words.length; i++) {
      byte[] w = words[i].getBytes(StandardCharsets.UTF_8);
      v.word(w, 0, w.length, vec);
      assertThat(lines[i]).isEqualTo(words[i] + " " + values(vec));
    }
    assertThat(lines[2]).doesNotStartWith("unseen 0 0 0");
    assertThat(lines[4]).isEmpty();
  }

  @Test
  void printSentenceVectorsPrintsOneVectorPerLine() {
    String prefix = model("-wordNgrams", "2", "-bucket", "100");
    assertThat(run("bread oven\n\n__label__knives blade\nlast", "print-sentence-vectors",
        prefix + ".bin")).isZero();
    String[] lines = out.split("\n", -1);
    assertThat(lines).hasSize(5);
    assertThat(lines[0].split(" ")).hasSize(6);
    assertThat(lines[0]).endsWith(" ");
    // the label is not an input: the same vector as the line without it
    assertThat(run("blade\n", "print-sentence-vectors", prefix + ".bin")).isZero();
    assertThat(out).isEqualTo(lines[2] + "\n");
    // whitespace after the last line break is one more (zero) vector, as in fastText
    assertThat(run("blade\n  ", "print-sentence-vectors", prefix + ".bin")).isZero();
    assertThat(out).isEqualTo(lines[2] + "\n0 0 0 0 0 0 \n");
    assertThat(run("", "print-sentence-vectors", prefix + ".bin")).isZero();
    assertThat(out).isEmpty();
  }

  @Test
  void saveVecWritesEveryWordsVector() throws IOException {
    String prefix = model("-saveVec");
    VecFile v = VecFile.read(Path.of(prefix + ".vec"), 6);
    TextClassifier c = ModelFiles.load(Path.of(prefix + ".bin"));
    assertThat(v.size()).isEqualTo(c.dictionary().nwords());
    assertThat(Files.readString(Path.of(prefix + ".vec"))).startsWith(c.dictionary().nwords() + " 6\n"
        + c.dictionary().word(0) + " ");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("train.txt",
          "m.bin", "m.bin.losslab", "m.vec");
    }
  }

  @Test
  void pretrainedVectorsStartTheirRows() throws IOException {
    Path vec = dir.resolve("p.vec");
    Files.writeString(vec, "2 6\noven 1 1 1 1 1 1\nnovel 2 2 2 2 2 2\nextra line\n");
    String prefix = model("-pretrainedVectors", vec.toString(), "-lr", "0.000001");
    assertThat(err).isEqualTo("losslab supervised: warning: " + vec + ": 1 line after the 2 vectors of"
        + " its header are ignored, as fastText ignores them\n");
    TextClassifier c = ModelFiles.load(Path.of(prefix + ".bin"));
    int oven = c.dictionary().find("oven");
    assertThat(c.model().input()[oven * 6]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-3f));
    assertThat(c.dictionary().find("novel")).isBetween(0, c.dictionary().nwords() - 1);
  }

  @Test
  void badPretrainedVectorsAreOneLineAndWriteNothing() throws IOException {
    Path vec = dir.resolve("p.vec");
    Files.writeString(vec, "1 300\n");
    String prefix = dir.resolve("x").toString();
    assertThat(run("", "supervised", "-input", train.toString(), "-output", prefix,
        "-pretrainedVectors", vec.toString())).isEqualTo(1);
    assertThat(err).isEqualTo("losslab supervised: -pretrainedVectors " + vec + ": the vectors have"
        + " dimension 300, -dim is 100 (train with -dim 300)\n");
    Files.writeString(vec, "2 3\na 1 2 3\nb 1 x 3\n");
    assertThat(run("", "supervised", "-input", train.toString(), "-output", prefix, "-dim", "3",
        "-pretrainedVectors", vec.toString())).isEqualTo(1);
    assertThat(err).isEqualTo("losslab supervised: -pretrainedVectors " + vec + ":3: value 2 of 'b'"
        + " ('x') is not a number\n");
    assertThat(run("", "supervised", "-input", train.toString(), "-output", prefix,
        "-pretrainedVectors", dir.resolve("none.vec").toString())).isEqualTo(1);
    assertThat(err).isEqualTo("losslab supervised: -pretrainedVectors " + dir.resolve("none.vec")
        + ": no such file\n");
    assertThat(dir.resolve("x.bin")).doesNotExist();
  }

  @Test
  void aMissingModelIsOneLine() {
    assertThat(run("x\n", "print-word-vectors", dir.resolve("none.bin").toString())).isEqualTo(1);
    assertThat(err).isEqualTo("losslab print-word-vectors: " + dir.resolve("none.bin")
        + ": no such model file\n");
  }
}
