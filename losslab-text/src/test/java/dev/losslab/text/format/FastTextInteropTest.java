package dev.losslab.text.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.losslab.text.LineEncoder;
import dev.losslab.text.Meter;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.Predictions;
import dev.losslab.text.QuantizeOptions;
import dev.losslab.text.Quantizer;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.TokenReader;
import dev.losslab.text.Workspace;
import dev.losslab.text.testing.ExternalProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against the real fastText (Debian 0.9.2, {@code apt-get install fasttext}): models it trains are read
 * here and written back byte for byte, and it reads what is written here; the same both ways for
 * quantized models ({@code .ftz}). Skipped when {@code fasttext} is not on the PATH.
 */
class FastTextInteropTest {
  private static Path fasttext;

  @TempDir Path dir;
  private Path train;
  private Path test;

  @BeforeAll
  static void findFastText() {
    fasttext = ExternalProgram.onPath("fasttext").orElse(null);
    assumeTrue(fasttext != null,
        "fasttext is not on the PATH: skipping the interop tests against the real fastText "
            + "(install it with: apt-get install fasttext)");
  }

  @BeforeEach
  void fixtures() throws IOException {
    train = copy("kitchen-train.txt");
    test = copy("kitchen-test.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-dim 8 -epoch 25 -lr 0.5 -wordNgrams 2 -bucket 1000",
      "-dim 8 -loss ova -minn 2 -maxn 4 -bucket 500 -epoch 20 -lr 0.5",
      "-dim 5 -loss hs -epoch 10",
      "-dim 4 -loss ns -neg 3 -epoch 10 -qout",
  })
  void modelsTrainedByFastTextRoundTripExactly(String flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("supervised", "-input", train.toString(),
        "-output", dir.resolve("m").toString(), "-thread", "1", "-verbose", "0"));
    cmd.addAll(Arrays.asList(flags.split(" ")));
    run(cmd.toArray(String[]::new));
    Path original = dir.resolve("m.bin");
    FastTextBinary model = FastTextBinary.read(original);
    Path rewritten = dir.resolve("rewritten.bin");
    model.write(rewritten);

    assertThat(Files.readAllBytes(rewritten)).isEqualTo(Files.readAllBytes(original));
    assertThat(run("test", rewritten.toString(), test.toString()))
        .isEqualTo(run("test", original.toString(), test.toString()));
    assertThat(run("predict-prob", rewritten.toString(), test.toString(), "3"))
        .isEqualTo(run("predict-prob", original.toString(), test.toString(), "3"));
    assertThat(model.dictionary().dump()).isEqualTo(run("dump", original.toString(), "dict"));
    assertThat(model.args().dump()).isEqualTo(run("dump", original.toString(), "args"));
  }

  @Test
  void fastTextReadsAModelWrittenHere() throws Exception {
    Path f = dir.resolve("tiny.bin");
    FastTextBinary tiny = Models.tiny();
    tiny.write(f);
    assertThat(run("dump", f.toString(), "dict")).isEqualTo(tiny.dictionary().dump());
    assertThat(run("dump", f.toString(), "args")).isEqualTo(tiny.args().dump());
    String out = run("predict", f.toString(), test.toString());
    assertThat(out.lines()).hasSize(40).allMatch(l -> l.equals("__label__a") || l.equals("__label__b"));
  }

  @Test
  void quantizedModelsAreLeftToFastTextFile() throws Exception {
    run("supervised", "-input", train.toString(), "-output", dir.resolve("q").toString(),
        "-dim", "4", "-wordNgrams", "2", "-bucket", "300", "-thread", "1", "-verbose", "0");
    run("quantize", "-input", train.toString(), "-output", dir.resolve("q").toString(), "-qnorm",
        "-thread", "1", "-verbose", "0");
    Path ftz = dir.resolve("q.ftz");
    assertThatThrownBy(() -> FastTextBinary.read(ftz)).isInstanceOf(MalformedModelException.class)
        .hasMessage(ftz + ": a quantized model (.ftz): this reader takes dense .bin models only "
            + "(FastTextFile.read and ModelFiles.load read both)");
    FastTextFile f = FastTextFile.read(ftz);
    assertThat(f.quantized()).isTrue();
    assertThat(((QuantizedMatrix) f.input()).qnorm()).isTrue();
    assertThat(f.dictionary().toDictionary().dump()).isEqualTo(run("dump", ftz.toString(), "dict"));
  }

  /**
   * fastText trains and quantizes; the {@code .ftz} predicts here the same labels, with probabilities
   * within 1e-5 of {@code fasttext predict-prob} (which prints 6 significant digits).
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "-dim 8 -wordNgrams 2 -bucket 1000 -epoch 25 -lr 0.5; -qnorm",
      "-dim 8 -wordNgrams 2 -bucket 1000 -epoch 25 -lr 0.5; -qnorm -cutoff 300 -retrain -epoch 2 -lr 0.1",
      "-dim 9 -loss ova -minn 2 -maxn 4 -bucket 800 -epoch 20 -lr 0.5; -dsub 4 -cutoff 400",
      "-dim 6 -loss hs -wordNgrams 3 -bucket 900 -epoch 10; -dsub 1 -cutoff 280",
      "-dim 6 -loss ns -wordNgrams 2 -bucket 600 -epoch 10; -qnorm -cutoff 256",
  })
  void ftzWrittenByFastTextPredictsHereAsThere(String train, String quantize) throws Exception {
    Path bin = trainWithFastText("m", train);
    quantizeWithFastText("m", quantize);
    Path ftz = dir.resolve("m.ftz");
    assertThat(Files.size(ftz)).isLessThan(Files.size(bin));
    TextClassifier c = ModelFiles.load(ftz);
    assertThat(c.model().isQuantized()).isTrue();
    assertSamePredictions(c, run("predict-prob", ftz.toString(), test.toString(), "-1"));
    assertThat(test(c)).isEqualTo(run("test", ftz.toString(), test.toString()));
  }

  /**
   * A model fastText trained, quantized here: fastText reads the {@code .ftz}, scores it as it is
   * scored here, and predicts what is predicted here.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "-dim 8 -wordNgrams 2 -bucket 1000 -epoch 25 -lr 0.5; 0; false; false; 2",
      "-dim 8 -wordNgrams 2 -bucket 1000 -epoch 25 -lr 0.5; 300; true; true; 2",
      "-dim 7 -loss ova -minn 2 -maxn 3 -bucket 700 -epoch 20 -lr 0.5; 500; true; false; 3",
      "-dim 6 -loss hs -wordNgrams 2 -bucket 600 -epoch 10; 260; false; false; 1",
  })
  void ftzWrittenHereIsReadByFastText(String train, int cutoff, boolean qnorm, boolean retrain,
      int dsub) throws Exception {
    trainWithFastText("m", train);
    TextClassifier dense = ModelFiles.load(dir.resolve("m.bin"));
    QuantizeOptions o = QuantizeOptions.defaults().withCutoff(cutoff).withQnorm(qnorm)
        .withRetrain(retrain).withDsub(dsub).withEpoch(2).withLr(0.1).withThread(1);
    TextClassifier q = Quantizer.quantize(dense, o, () -> Files.newInputStream(this.train),
        this.train.toString(), null);
    Path ftz = dir.resolve("here.ftz");
    ModelFiles.save(q, ftz, false);
    assertThat(run("test", ftz.toString(), test.toString())).isEqualTo(test(q));
    assertSamePredictions(q, run("predict-prob", ftz.toString(), test.toString(), "-1"));
    assertThat(run("dump", ftz.toString(), "dict"))
        .isEqualTo(FastTextFile.read(ftz).dictionary().toDictionary().dump());
  }

  /** A model trained and quantized here (with -qout, 300 labels) is read and scored by fastText. */
  @Test
  void aModelTrainedAndQuantizedHereIsReadByFastText() throws Exception {
    Path labels = manyLabels();
    dev.losslab.text.Args args = dev.losslab.text.Args.builder().dim(6).epoch(20).lr(0.5).thread(1)
        .wordNgrams(2).bucket(500).build();
    dev.losslab.text.TrainingData d = dev.losslab.text.TrainingData.read(labels, args);
    TextClassifier dense = dev.losslab.text.Trainer.train(args, d,
        dev.losslab.text.Heads.create(args, d.dictionary().labelCounts()), null);
    TextClassifier q = Quantizer.quantize(dense, QuantizeOptions.defaults().withQnorm(true)
        .withQout(true).withCutoff(600).withThread(1));
    Path ftz = dir.resolve("here.ftz");
    ModelFiles.save(q, ftz);
    test = labels;
    assertThat(run("test", ftz.toString(), labels.toString())).isEqualTo(test(q));
    assertSamePredictions(q, run("predict-prob", ftz.toString(), labels.toString(), "5"), 5);
  }

  /**
   * Without {@code -retrain} (fastText's retraining is Hogwild, so not repeatable), quantizing here
   * gives the model {@code fasttext quantize} gives: the same kept rows, codes, centroids and norms.
   * Only the order of the pruneidx pairs may differ (fastText writes its hash map's order).
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "kitchen; -dim 8 -wordNgrams 2 -bucket 1000 -epoch 25 -lr 0.5; -qnorm -cutoff 300",
      "kitchen; -dim 10 -loss ova -minn 2 -maxn 4 -bucket 2000 -epoch 5; -dsub 3 -cutoff 700",
      "kitchen; -dim 8 -wordNgrams 2 -bucket 1000 -epoch 25 -lr 0.5; -dsub 2",
      "labels; -dim 6 -epoch 5 -lr 0.5; -qout -qnorm -dsub 4",
  })
  void quantizingHereGivesFastTextsCodes(String data, String train, String quantize) throws Exception {
    if (data.equals("labels")) {
      this.train = manyLabels();
    }
    Path bin = trainWithFastText("ft", train);
    Files.copy(bin, dir.resolve("ll.bin"));
    quantizeWithFastText("ft", quantize);
    List<String> q = Arrays.asList(quantize.split(" "));
    QuantizeOptions o = QuantizeOptions.defaults().withQnorm(q.contains("-qnorm"))
        .withQout(q.contains("-qout")).withThread(2)
        .withDsub(q.contains("-dsub") ? Integer.parseInt(q.get(q.indexOf("-dsub") + 1)) : 2)
        .withCutoff(q.contains("-cutoff") ? Integer.parseInt(q.get(q.indexOf("-cutoff") + 1)) : 0);
    ModelFiles.save(Quantizer.quantize(ModelFiles.load(dir.resolve("ll.bin")), o),
        dir.resolve("ll.ftz"), false);
    FastTextQuantized ft = (FastTextQuantized) FastTextFile.read(dir.resolve("ft.ftz"));
    FastTextQuantized ll = (FastTextQuantized) FastTextFile.read(dir.resolve("ll.ftz"));
    assertThat(ll.args()).isEqualTo(ft.args());
    assertThat(ll.dictionary().toDictionary()).isEqualTo(ft.dictionary().toDictionary());
    assertThat(ll.pruneIndex().isPresent()).isEqualTo(ft.pruneIndex().isPresent());
    if (ft.pruneIndex().isPresent()) {
      PruneIndex a = ft.pruneIndex().get();
      PruneIndex b = ll.pruneIndex().get();
      assertThat(b.size()).isEqualTo(a.size());
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.rowOf(a.bucket(i))).as("row of bucket %d", a.bucket(i)).isEqualTo(a.row(i));
      }
    }
    assertSameMatrix(ll.input(), ft.input());
    assertThat(ll.qout()).isEqualTo(ft.qout());
    if (ft.qout()) {
      assertSameMatrix((QuantizedMatrix) ll.output(), (QuantizedMatrix) ft.output());
    } else {
      assertThat(((FastTextMatrix) ll.output()).data())
          .containsExactly(((FastTextMatrix) ft.output()).data());
    }
  }

  private static void assertSameMatrix(QuantizedMatrix a, QuantizedMatrix b) {
    assertThat(a.toString()).isEqualTo(b.toString());
    assertThat(a.codes()).isEqualTo(b.codes());
    assertThat(a.codebook().centroids()).containsExactly(b.codebook().centroids());
    assertThat(a.normCodes()).isEqualTo(b.normCodes());
    if (b.qnorm()) {
      assertThat(a.normCodebook().centroids()).containsExactly(b.normCodebook().centroids());
    }
  }

  /** 300 labels (enough for -qout), 3 lines each. */
  private Path manyLabels() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int rep = 0; rep < 3; rep++) {
      for (int i = 0; i < 300; i++) {
        b.append("__label__l").append(i).append(" w").append(i).append(" w").append((i + 1) % 300)
            .append(" common").append(i % 7).append('\n');
      }
    }
    Path p = dir.resolve("labels.txt");
    Files.writeString(p, b.toString());
    return p;
  }

  private Path trainWithFastText(String name, String flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("supervised", "-input", train.toString(),
        "-output", dir.resolve(name).toString(), "-thread", "1", "-verbose", "0"));
    cmd.addAll(Arrays.asList(flags.split(" ")));
    run(cmd.toArray(String[]::new));
    return dir.resolve(name + ".bin");
  }

  private void quantizeWithFastText(String name, String flags) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("quantize", "-input", train.toString(),
        "-output", dir.resolve(name).toString(), "-thread", "1", "-verbose", "0"));
    cmd.addAll(Arrays.asList(flags.split(" ")));
    run(cmd.toArray(String[]::new));
  }

  /** fastText's {@code test} output for this model on the test file. */
  private String test(TextClassifier c) throws IOException {
    Meter m = c.test(Files.newInputStream(test), test.toString(), 1, 0f, null);
    return "N\t" + m.examples() + "\nP@1\t" + general3(m.precision()) + "\nR@1\t"
        + general3(m.recall()) + "\n";
  }

  /** C++'s {@code setprecision(3)} default format, for values in (0, 1]. */
  private static String general3(double v) {
    String s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
        .toPlainString();
    return s;
  }

  /** Every line: the labels in fastText's order, each probability within 1e-5. */
  private void assertSamePredictions(TextClassifier c, String fastText) throws IOException {
    assertSamePredictions(c, fastText, -1);
  }

  /** As above for the top {@code k} labels. */
  private void assertSamePredictions(TextClassifier c, String fastText, int k) throws IOException {
    List<String> expected = fastText.lines().toList();
    Workspace ws = c.workspace();
    Predictions p = new Predictions(c.dictionary().nlabels());
    LineEncoder enc = new LineEncoder(c.dictionary());
    int line = 0;
    try (TokenReader r = new TokenReader(Files.newInputStream(test), test.toString())) {
      while (enc.read(r) > 0) {
        c.predict(enc, ws, k, 0f, p);
        String[] f = expected.get(line).split(" ");
        assertThat(p.size()).as("line %d: %s", line + 1, expected.get(line)).isEqualTo(f.length / 2);
        for (int i = 0; i < p.size(); i++) {
          String label = c.dictionary().word(c.dictionary().nwords() + p.label(i));
          double prob = Double.parseDouble(f[2 * i + 1]);
          if (!label.equals(f[2 * i])) {
            // Labels of equal printed probability may come in another order.
            assertThat(p.probability(i)).as("line %d rank %d", line + 1, i).isCloseTo((float) prob,
                org.assertj.core.data.Offset.offset(1e-5f));
            continue;
          }
          assertThat((double) p.probability(i)).as("line %d, %s", line + 1, label)
              .isCloseTo(prob, org.assertj.core.data.Offset.offset(1e-5));
        }
        line++;
      }
    }
    assertThat(line).isEqualTo(expected.size());
  }

  private Path copy(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = FastTextInteropTest.class.getResourceAsStream(name)) {
      Files.copy(in, p);
    }
    return p;
  }

  /** Runs fasttext with {@code args} in the temp folder; returns stdout; fails on a non-zero exit. */
  private String run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(fasttext.toString());
    cmd.addAll(Arrays.asList(args));
    return new String(ExternalProgram.run(dir, new byte[0], cmd, 120), StandardCharsets.UTF_8);
  }
}
