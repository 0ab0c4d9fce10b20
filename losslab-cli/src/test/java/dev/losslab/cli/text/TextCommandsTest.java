package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TextCommandsTest extends TextCommandFixture {
  @BeforeEach
  void data() throws IOException {
    writeCorpus(4, 5);
  }

  @Test
  void supervisedThenTestPredictAndDump() {
    String prefix = dir.resolve("m").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-epoch", "10",
        "-lr", "0.5", "-thread", "1", "-verbose", "0", "-dim", "10")).isZero();
    assertThat(dir.resolve("m.bin")).exists();
    assertThat(dir.resolve("m.bin.losslab")).exists();
    assertThat(run("test", prefix + ".bin", test.toString())).isZero();
    assertThat(out).isEqualTo("N\t3\nP@1\t1\nR@1\t1\n");
    assertThat(run("predict", prefix + ".bin", test.toString(), "2")).isZero();
    assertThat(out.split("\n")).hasSize(3);
    assertThat(out.split("\n")[0]).startsWith("__label__baking ");
    assertThat(run("predict-prob", prefix + ".bin", test.toString())).isZero();
    assertThat(out.split("\n")[1]).startsWith("__label__knives 0.");
    assertThat(run("test-label", prefix + ".bin", test.toString())).isZero();
    assertThat(out).contains("F1-Score : 1.000000  Precision : 1.000000  Recall : 1.000000   __label__eggs");
    assertThat(run("dump", prefix + ".bin", "args")).isZero();
    assertThat(out).contains("dim 10\n").contains("loss softmax\n");
    assertThat(run("dump", prefix + ".bin", "dict")).isZero();
    assertThat(out).startsWith("17\n");
  }

  @Test
  void predictProbPrintsEachProbabilityAsCppDoes() {
    String prefix = dir.resolve("p").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-epoch", "50",
        "-lr", "1.0", "-thread", "1", "-verbose", "0", "-dim", "10")).isZero();
    assertThat(run("predict-prob", prefix + ".bin", test.toString(), "3")).isZero();
    java.util.List<String> probabilities = new java.util.ArrayList<>();
    for (String line : out.split("\n")) {
      String[] f = line.split(" ");
      for (int i = 1; i < f.length; i += 2) {
        probabilities.add(f[i]);
      }
    }
    // a confident model gives the wrong labels probabilities below 1e-4; C's %g (and so fastText)
    // prints those from 1e-5 on in the exponent form too, 1.23456e-05, not 0.0000123456
    assertThat(probabilities).anyMatch(v -> Double.parseDouble(v) >= 1e-5
        && Double.parseDouble(v) < 1e-4);
    for (String v : probabilities) {
      assertThat(v).isEqualTo(dev.losslab.text.format.DecimalText.general(Double.parseDouble(v), 6));
    }
  }

  @Test
  void aClosedStandardOutputEndsQuietlyAndAFailedOneInOneLine() {
    String prefix = dir.resolve("o").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-thread", "1",
        "-verbose", "0", "-dim", "4")).isZero();
    for (String error : new String[] {"Broken pipe", "No space left on device"}) {
      java.io.OutputStream failing = new java.io.OutputStream() {
        @Override
        public void write(int b) throws IOException {
          throw new IOException(error);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          throw new IOException(error);
        }
      };
      for (String[] command : new String[][] {{"predict-prob", prefix + ".bin", test.toString()},
          {"dump", prefix + ".bin", "input"}}) {
        var cl = dev.losslab.cli.Main.commandLine();
        java.io.StringWriter errors = new java.io.StringWriter();
        cl.setOut(new dev.losslab.cli.ByteOut(failing));
        cl.setErr(new java.io.PrintWriter(errors));
        int code = cl.execute(command);
        if (error.equals("Broken pipe")) {
          // as fastText piped into head: ended by SIGPIPE, nothing said
          assertThat(code).as(command[0]).isEqualTo(141);
          assertThat(errors.toString()).as(command[0]).isEmpty();
        } else {
          assertThat(code).as(command[0]).isEqualTo(1);
          assertThat(errors.toString()).as(command[0])
              .isEqualTo("losslab " + command[0] + ": standard output: No space left on device\n");
        }
      }
    }
  }

  @Test
  void dumpPrintsTheMatricesAsRowsOfSixDigitValues() throws IOException {
    String prefix = dir.resolve("d").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-epoch", "5",
        "-thread", "1", "-verbose", "0", "-dim", "4")).isZero();
    var bin = dev.losslab.text.format.FastTextFile.read(Path.of(prefix + ".bin"));
    var a = (dev.losslab.text.format.FastTextMatrix) bin.input();
    var b = (dev.losslab.text.format.FastTextMatrix) bin.output();
    for (var c : java.util.List.of(java.util.Map.entry("input", a), java.util.Map.entry("output", b))) {
      assertThat(run("dump", prefix + ".bin", c.getKey())).isZero();
      String[] lines = out.split("\n");
      var m = c.getValue();
      assertThat(lines[0]).isEqualTo(m.rows() + " 4");
      assertThat(lines).hasSize(m.rows() + 1);
      for (int i = 0; i < m.rows(); i++) {
        String[] v = lines[i + 1].split(" ");
        assertThat(v).hasSize(4);
        for (int j = 0; j < 4; j++) {
          double x = m.get(i, j);
          assertThat(Double.parseDouble(v[j])).as("%s row %d", c.getKey(), i)
              .isCloseTo(x, org.assertj.core.api.Assertions.within(Math.abs(x) * 5e-6 + 1e-30));
          assertThat(v[j].replace("-", "").replace(".", "").replaceFirst("e.*", "")
              .replaceFirst("^0+", "")).hasSizeLessThanOrEqualTo(6);
        }
      }
    }
    assertThat(a.rows()).isEqualTo(17 - 3); // the words; no buckets without word n-grams
    assertThat(run("dump", prefix + ".bin", "matrix")).isNotZero();
    assertThat(err).contains("WHAT ('matrix') must be args, dict, input or output");
  }

  @Test
  void coreLossWithOptionAndValidationWithEarlyStop() {
    String prefix = dir.resolve("c").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-loss",
        "cross-entropy", "-labelSmoothing", "0.1", "-validation", test.toString(), "-patience", "1",
        "-epoch", "50", "-lr", "0.5", "-thread", "1", "-verbose", "1", "-dim", "10")).isZero();
    assertThat(run("dump", prefix + ".bin", "args")).isZero();
    assertThat(out).contains("# losslab loss cross-entropy").contains("# losslab loss.labelSmoothing 0.1");
    assertThat(run("test", prefix + ".bin", test.toString())).isZero();
    assertThat(out).contains("P@1\t1\n");
  }

  @Test
  void newCoreLossesTrainWithTheirFlags() {
    // loss, learning rate, flags: the square losses with a weight on the label take a smaller rate
    String[][] cases = {{"gce", "0.5", "-q", "0.7"}, {"poly1", "0.5", "-epsilon", "-1"},
        {"taylor-ce", "0.5", "-order", "3"}, {"rescaled-mse", "0.1", "-k", "2", "-M", "3"},
        {"sparsemax", "0.5"}, {"sigmoid-focal", "0.5", "-gamma", "1"},
        {"sce", "0.5", "-alpha", "0.5", "-beta", "0.5"}, {"nce-rce", "0.5"}, {"nce-mae", "0.5"},
        {"cosine", "0.5"}};
    for (String[] c : cases) {
      String prefix = dir.resolve("n-" + c[0]).toString();
      java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("supervised", "-input",
          train.toString(), "-output", prefix, "-epoch", "10", "-lr", c[1], "-thread", "1",
          "-verbose", "0", "-dim", "10", "-loss", c[0]));
      args.addAll(java.util.Arrays.asList(c).subList(2, c.length));
      assertThat(run(args.toArray(String[]::new))).as(String.join(" ", c) + ": " + err).isZero();
      assertThat(run("dump", prefix + ".bin", "args")).isZero();
      assertThat(out).contains("# losslab loss " + c[0] + "\n");
      for (int i = 2; i < c.length; i += 2) {
        String option = c[i].substring(1);
        String value = option.equals("order") ? c[i + 1] : String.valueOf(Double.parseDouble(c[i + 1]));
        assertThat(out).contains("# losslab loss." + option + " " + value + "\n");
      }
      assertThat(run("test", prefix + ".bin", test.toString())).as(c[0]).isZero();
      assertThat(out).as(c[0]).contains("P@1\t1\n");
    }
    // a flag of another loss is refused before reading data
    assertThat(run("supervised", "-input", train.toString(), "-output", dir.resolve("x").toString(),
        "-loss", "gce", "-order", "2")).isEqualTo(2);
    assertThat(err).contains("unknown option 'order' for loss 'gce'");
    assertThat(run("supervised", "-input", train.toString(), "-output", dir.resolve("x").toString(),
        "-loss", "gce", "-q", "2")).isEqualTo(2);
    assertThat(err).contains("q (2.0) must be in (0, 1]");
  }

  @Test
  void badFlagsAreUsageErrorsAndWriteNothing() {
    String prefix = dir.resolve("bad").toString();
    String[][] cases = {{"-dim", "0"}, {"-lr", "-1"}, {"-epoch", "0"}, {"-bucket", "-5"},
        {"-loss", "nope"}};
    for (String[] c : cases) {
      assertThat(run("supervised", "-input", train.toString(), "-output", prefix, c[0], c[1]))
          .as(String.join(" ", c)).isEqualTo(2);
      assertThat(err).contains(c[0]).contains(c[1]).doesNotContain("Exception");
      assertThat(err.strip().split("\n")).hasSize(1);
    }
    assertThat(dir.resolve("bad.bin")).doesNotExist();
  }

  @Test
  void badDataFailsWithFileAndLineAndWritesNothing() throws IOException {
    String prefix = dir.resolve("bad").toString();
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    assertThat(run("supervised", "-input", empty.toString(), "-output", prefix)).isEqualTo(1);
    assertThat(err).contains("empty");
    assertThat(run("supervised", "-input", dir.resolve("missing.txt").toString(), "-output", prefix))
        .isEqualTo(1);
    assertThat(err).contains("missing.txt: no such file");
    Path one = dir.resolve("one-label.txt");
    Files.writeString(one, "__label__a x\n__label__a y\n");
    assertThat(run("supervised", "-input", one.toString(), "-output", prefix)).isEqualTo(1);
    assertThat(err).contains("only one label");
    assertThat(dir.resolve("bad.bin")).doesNotExist();
  }

  @Test
  void doubtfulLinesAreReadAsFastTextReadsThemWithOneWarningEach() throws IOException {
    Path f = dir.resolve("messy.txt");
    Files.write(f, ("__label__a x y\nwords alone\n__label__b\n__label__b z \u00ff\n__label__a x\n"
        + "more words\n__label__b \u00c3 q\n__label__a\n").getBytes(StandardCharsets.ISO_8859_1));
    String prefix = dir.resolve("messy").toString();
    assertThat(run("supervised", "-input", f.toString(), "-output", prefix, "-thread", "1",
        "-verbose", "0", "-dim", "5")).as(err).isZero();
    assertThat(err.lines()).containsExactly(
        "losslab supervised: warning: 2 lines hold invalid UTF-8, the first at " + f + ":4; they are"
            + " read as bytes, as fastText reads them",
        "losslab supervised: warning: 2 lines hold labels but no words, the first at " + f + ":3;"
            + " their one input is the end-of-line token </s>, as in fastText",
        "losslab supervised: warning: 2 lines hold words but no label, the first at " + f + ":2;"
            + " they are skipped, as fastText skips them");
    assertThat(dir.resolve("messy.bin")).exists();
    // -strict: each is an error naming the file and line, as before, and nothing is written
    String strict = dir.resolve("strict").toString();
    assertThat(run("supervised", "-input", f.toString(), "-output", strict, "-strict")).isEqualTo(1);
    assertThat(err).isEqualTo("losslab supervised: " + f + ":4: invalid UTF-8 (byte 0xff at position"
        + " 1 of a token)\n");
    Path words = dir.resolve("words-no-label.txt");
    Files.writeString(words, "__label__a x\nx y\n__label__b z\n");
    assertThat(run("supervised", "-input", words.toString(), "-output", strict, "-strict")).isEqualTo(1);
    assertThat(err).contains(words + ":2: the line has words but no label");
    Path labels = dir.resolve("labels-no-words.txt");
    Files.writeString(labels, "__label__a x\n__label__b\n");
    assertThat(run("supervised", "-input", labels.toString(), "-output", strict, "-strict")).isEqualTo(1);
    assertThat(err).contains(labels + ":2: the line has labels but no words");
    assertThat(dir.resolve("strict.bin")).doesNotExist();
  }

  @Test
  void aSaveRemovesWhatACrashedSaveOfThePrefixLeft() throws Exception {
    long dead = TextCommandFixture.deadProcessId();
    Path left = Files.writeString(dir.resolve(".m.bin." + dead + ".5eed.tmp"), "half a model");
    Path leftVec = Files.writeString(dir.resolve(".m.vec." + dead + ".1.tmp"), "half");
    Path live = Files.writeString(dir.resolve(".m.bin." + ProcessHandle.current().pid() + ".2.tmp"), "");
    String prefix = dir.resolve("m").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-thread", "1",
        "-verbose", "0", "-dim", "5", "-saveVec")).isZero();
    assertThat(err).isEqualTo("losslab supervised: removed 2 temporary files that interrupted saves"
        + " of " + prefix + " left: .m.bin." + dead + ".5eed.tmp, .m.vec." + dead + ".1.tmp\n");
    assertThat(left).doesNotExist();
    assertThat(leftVec).doesNotExist();
    assertThat(live).exists();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-thread", "1",
        "-verbose", "0", "-dim", "5")).isZero();
    assertThat(err).isEmpty();
  }

  @Test
  void testReportsUnseenLabelsAndMissingModel() throws IOException {
    String prefix = dir.resolve("m").toString();
    assertThat(run("supervised", "-input", train.toString(), "-output", prefix, "-verbose", "0",
        "-thread", "1", "-dim", "5")).isZero();
    Path t = dir.resolve("unseen.txt");
    Files.writeString(t, "__label__baking bread\n__label__pasta noodle\n", StandardCharsets.UTF_8);
    assertThat(run("test", prefix + ".bin", t.toString())).isZero();
    assertThat(out).startsWith("N\t1\n");
    assertThat(err).contains(t + ":2: label __label__pasta was never seen in training");
    assertThat(run("test", dir.resolve("none.bin").toString(), t.toString())).isEqualTo(1);
    assertThat(err).contains("none.bin: no such model file");
    assertThat(run("test", train.toString(), t.toString())).isEqualTo(1);
    assertThat(err.strip().split("\n")).hasSize(1);
  }
}
