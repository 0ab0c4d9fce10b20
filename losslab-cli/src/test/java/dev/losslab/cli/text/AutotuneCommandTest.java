package dev.losslab.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.losslab.cli.CommandRun;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.TextClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code supervised -autotune-validation} on a small set: a short search, its CSV, its bad flags. */
class AutotuneCommandTest {
  @TempDir Path dir;
  Path train;
  Path valid;
  CommandRun run;

  static String lines(int n, long seed) {
    String[][] topics = {{"bread", "flour", "oven", "dough"}, {"knife", "blade", "steel", "edge"},
        {"egg", "yolk", "boil", "shell"}};
    String[] names = {"baking", "knives", "eggs"};
    Random r = new Random(seed);
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int l = r.nextInt(3);
      t.append("__label__").append(names[l]);
      for (int w = 0; w < 5; w++) {
        t.append(' ').append(r.nextInt(4) < 3 ? topics[l][r.nextInt(4)] : "the");
      }
      t.append('\n');
    }
    return t.toString();
  }

  @BeforeEach
  void data() throws IOException {
    train = dir.resolve("train.txt");
    valid = dir.resolve("valid.txt");
    Files.writeString(train, lines(300, 1));
    Files.writeString(valid, lines(60, 2));
    run = new CommandRun();
  }

  /** A short search: small models, a trial limit, one thread and a seed. */
  List<String> search(String prefix, String... more) {
    List<String> a = new ArrayList<>(List.of("supervised", "-input", train.toString(), "-output",
        dir.resolve(prefix).toString(), "-autotune-validation", valid.toString(), "-thread", "1",
        "-seed", "3", "-dim", "8", "-bucket", "10000", "-verbose", "0"));
    List<String> m = List.of(more);
    if (!m.contains("-autotune-duration")) {
      a.addAll(List.of("-autotune-duration", "120"));
    }
    if (!m.contains("-autotune-trials")) {
      a.addAll(List.of("-autotune-trials", "5"));
    }
    a.addAll(m);
    return a;
  }

  static List<List<String>> withoutSeconds(Path csv) throws IOException {
    int seconds = 19; // trial,loss,lr,dim,epoch,wordNgrams,bucket,minn,maxn,dsub,cutoff,minCount,
    // minCountLabel,neg,lrUpdateRate,thread,seed,score,epochs,seconds,...
    List<List<String>> out = new ArrayList<>();
    for (CsvRecord r : CsvReader.builder().ofCsvRecord(Files.readString(csv)).stream().toList()) {
      List<String> f = new ArrayList<>(r.getFields());
      assertThat(f.get(seconds)).isNotEmpty();
      f.remove(seconds);
      out.add(f);
    }
    return out;
  }

  @Test
  void searchesThenWritesTheModelAndTheTrials() throws IOException {
    assertThat(run.execute(search("m").toArray(String[]::new))).as("%s", run).isZero();
    assertThat(dir.resolve("m.bin")).exists();
    assertThat(dir.resolve("m.bin.losslab")).exists();
    List<List<String>> csv = withoutSeconds(dir.resolve("m.autotune.csv"));
    assertThat(csv).hasSize(6);
    assertThat(csv.get(0).get(19)).isEqualTo("status");
    // fixed by hand; 0 in the trials without n-grams, as fastText's rule has it
    assertThat(csv).extracting(r -> r.get(6)).isSubsetOf("bucket", "10000", "0");
    assertThat(run.command("test", dir.resolve("m.bin").toString(), valid.toString())).isZero();
    assertThat(run.out.toString()).contains("P@1\t");
  }

  @Test
  void aSearchRemovesWhatACrashedSaveOfThePrefixLeft() throws Exception {
    long dead = TextCommandFixture.deadProcessId();
    Path bin = Files.writeString(dir.resolve(".s.bin." + dead + ".5eed.tmp"), "half a model");
    Path ftz = Files.writeString(dir.resolve(".s.ftz." + dead + ".7.tmp"), "half a model");
    Path vec = Files.writeString(dir.resolve(".s.vec." + dead + ".1.tmp"), "half");
    assertThat(run.execute(search("s", "-autotune-trials", "2", "-saveVec").toArray(String[]::new)))
        .as("%s", run).isZero();
    assertThat(run.err.toString()).contains("losslab supervised: removed 3 temporary files that"
        + " interrupted saves of " + dir.resolve("s") + " left: .s.bin." + dead + ".5eed.tmp, .s.ftz."
        + dead + ".7.tmp, .s.vec." + dead + ".1.tmp\n");
    assertThat(bin).doesNotExist();
    assertThat(ftz).doesNotExist();
    assertThat(vec).doesNotExist();
    assertThat(dir.resolve("s.bin")).exists();
    assertThat(dir.resolve("s.vec")).exists();
  }

  @Test
  void theSameSeedWithOneThreadRepeatsTheSearch() throws IOException {
    assertThat(run.execute(search("a").toArray(String[]::new))).as("%s", run).isZero();
    assertThat(run.execute(search("b").toArray(String[]::new))).as("%s", run).isZero();
    assertThat(withoutSeconds(dir.resolve("b.autotune.csv")))
        .isEqualTo(withoutSeconds(dir.resolve("a.autotune.csv")));
  }

  @Test
  void theLossListIsSearched() throws IOException {
    assertThat(run.execute(search("l", "-autotune-losses", "softmax,ova,focal:gamma=2")
        .toArray(String[]::new))).as("%s", run).isZero();
    assertThat(withoutSeconds(dir.resolve("l.autotune.csv"))).extracting(r -> r.get(1))
        .isSubsetOf("loss", "softmax", "ova", "focal:gamma=2");
  }

  @Test
  void aModelSizeQuantizesTheTrialsAndWritesAnFtzWithinIt() throws IOException {
    // 10,000 bigram buckets at dim 8: 20k leaves room for 772 to 965 rows, a cutoff on every trial
    assertThat(run.execute(search("q", "-wordNgrams", "2", "-autotune-trials", "3",
        "-autotune-modelsize", "20k").toArray(String[]::new))).as("%s", run).isZero();
    Path ftz = dir.resolve("q.ftz");
    assertThat(ftz).exists();
    assertThat(Files.size(ftz)).isPositive().isLessThanOrEqualTo(20_000);
    assertThat(dir.resolve("q.bin")).doesNotExist();
    List<List<String>> csv = withoutSeconds(dir.resolve("q.autotune.csv"));
    assertThat(csv).hasSize(4);
    int cutoff = csv.get(0).indexOf("cutoff");
    int status = csv.get(0).indexOf("status");
    assertThat(csv.subList(1, 4)).filteredOn(r -> r.get(status).equals("ok")).isNotEmpty()
        .allSatisfy(r -> assertThat(Integer.parseInt(r.get(cutoff))).isBetween(772, 965));
    TextClassifier m = ModelFiles.load(ftz);
    assertThat(m.model().isQuantized()).isTrue();
    assertThat(m.model().inputRows()).isBetween(772, 965);
    assertThat(run.command("test", ftz.toString(), valid.toString())).as("%s", run).isZero();
    assertThat(run.out.toString()).contains("P@1\t");
  }

  @Test
  void aSizeNoTrialCanReachIsOneLine() {
    assertThat(run.execute(search("small", "-wordNgrams", "2", "-autotune-trials", "2",
        "-autotune-modelsize", "9k").toArray(String[]::new))).as("%s", run).isEqualTo(1);
    assertThat(run.err.toString().lines()).singleElement().asString()
        .contains("no trial reached -autotune-modelsize 9k").contains("ask for a larger size");
    assertThat(dir.resolve("small.ftz")).doesNotExist();
  }

  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of(List.of("-autotune-duration", "0"), 2, "-autotune-duration (0.0) must be"),
        Arguments.of(List.of("-autotune-duration", "soon"), 2, "-autotune-duration"),
        Arguments.of(List.of("-autotune-metric", "auc"), 2, "-autotune-metric auc: unknown metric"),
        Arguments.of(List.of("-autotune-metric", "precisionAtRecall:200"), 2,
            "-autotune-metric precisionAtRecall:200: '200' must be a percentage"),
        Arguments.of(List.of("-autotune-metric", "f1:__label__cake"), 2,
            "-autotune-metric f1:__label__cake: the training data has no label __label__cake"),
        Arguments.of(List.of("-autotune-predictions", "0"), 2, "-autotune-predictions (0)"),
        Arguments.of(List.of("-autotune-modelsize", "big"), 2, "-autotune-modelsize big: not a size"),
        Arguments.of(List.of("-autotune-modelsize", "0"), 2,
            "-autotune-modelsize 0: the size must be > 0"),
        Arguments.of(List.of("-autotune-modelsize", "2T"), 2, "-autotune-modelsize 2T: not a size"),
        Arguments.of(List.of("-autotune-losses", "softmax,nosuch"), 2,
            "-autotune-losses nosuch: unknown loss"),
        Arguments.of(List.of("-autotune-losses", "ova", "-loss", "hs"), 2,
            "-autotune-losses searches the loss; it cannot be used with -loss"),
        Arguments.of(List.of("-autotune-trials", "-1"), 2, "-autotune-trials (-1) must be >= 0"),
        Arguments.of(List.of("-autotune-stopping", "never"), 2,
            "-autotune-stopping never: unknown rule (median, none)"),
        Arguments.of(List.of("-dsub", "0"), 2, "-dsub (0) must be > 0"),
        Arguments.of(List.of("-validation", "VALID"), 2, "-validation and -patience watch one"));
  }

  @ParameterizedTest
  @MethodSource("badFlags")
  void badFlagValuesAreOneLineAndWriteNothing(List<String> flags, int code, String message) {
    List<String> a = search("bad", flags.stream().map(f -> f.equals("VALID") ? valid.toString() : f)
        .toArray(String[]::new));
    assertThat(run.execute(a.toArray(String[]::new))).as("%s", run).isEqualTo(code);
    String err = run.err.toString();
    // one line; picocli's own parse errors add the usual "Try ... --help"
    assertThat(err.lines().findFirst()).hasValueSatisfying(l -> assertThat(l).contains(message));
    assertThat(err.lines().skip(1)).allMatch(l -> l.startsWith("Try 'losslab supervised --help'"));
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("bad.bin")).doesNotExist();
    assertThat(dir.resolve("bad.autotune.csv")).doesNotExist();
  }

  @Test
  void pretrainedVectorsSaveVecAndStrictWorkWithTheSearch() throws IOException {
    Path vec = Files.writeString(dir.resolve("pre.vec"),
        "2 8\nbread 1 0 0 0 0 0 0 0.5\nknife 0 1 0 0 0 0 0 -0.5\n");
    assertThat(run.execute(search("pv", "-pretrainedVectors", vec.toString(), "-saveVec", "-strict")
        .toArray(String[]::new))).as("%s", run).isZero();
    assertThat(dir.resolve("pv.bin")).exists();
    List<String> vecLines = Files.readAllLines(dir.resolve("pv.vec"));
    assertThat(vecLines.get(0)).endsWith(" 8");
    assertThat(vecLines).anyMatch(l -> l.startsWith("bread ")).hasSize(
        Integer.parseInt(vecLines.get(0).split(" ")[0]) + 1);
    // the vectors fix -dim: the search may not draw it
    List<String> noDim = search("nd", "-pretrainedVectors", vec.toString());
    int at = noDim.indexOf("-dim");
    noDim.remove(at + 1);
    noDim.remove(at);
    CommandRun other = new CommandRun();
    assertThat(other.execute(noDim.toArray(String[]::new))).isEqualTo(1);
    assertThat(other.err.toString()).contains("the vectors have dimension 8, -dim is 100 (train with -dim 8)")
        .doesNotContain("\tat ");
    // -strict: a line without a label is an error naming it
    Files.writeString(train, lines(30, 1) + "no label here\n" + lines(30, 2));
    CommandRun strict = new CommandRun();
    assertThat(strict.execute(search("st", "-strict").toArray(String[]::new))).isEqualTo(1);
    assertThat(strict.err.toString()).contains(train + ":31: the line has words but no label");
    assertThat(dir.resolve("st.bin")).doesNotExist();
    // without it, the search warns as supervised does, once
    CommandRun lax = new CommandRun();
    java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.err; // the search's progress and warnings go there
    try {
      System.setErr(new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(lax.execute(search("lax").toArray(String[]::new))).as("%s", lax).isZero();
    } finally {
      System.setErr(saved);
    }
    assertThat(progress.toString(java.nio.charset.StandardCharsets.UTF_8)).containsOnlyOnce("losslab supervised: warning: 1 line holds words"
        + " but no label, at " + train + ":31; it is skipped");
  }

  @Test
  void aMissingValidationFileIsNamed() {
    List<String> a = search("bad");
    a.set(a.indexOf(valid.toString()), dir.resolve("nope.txt").toString());
    assertThat(run.execute(a.toArray(String[]::new))).isEqualTo(1);
    assertThat(run.err.toString()).contains("nope.txt").doesNotContain("\tat ");
    assertThat(dir.resolve("bad.bin")).doesNotExist();
  }

  @Test
  void losslabsOwnFlagsNeedAValidationFileAndFastTextsAreIgnoredWithAWarning() {
    assertThat(run.command("supervised", "-input", train.toString(), "-output",
        dir.resolve("x").toString(), "-autotune-trials", "3")).isEqualTo(2);
    assertThat(run.err.toString()).contains("-autotune-trials needs -autotune-validation FILE");
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    System.setErr(new java.io.PrintStream(captured, true));
    try {
      assertThat(run.command("supervised", "-input", train.toString(), "-output",
          dir.resolve("y").toString(), "-autotune-duration", "10", "-dim", "5", "-epoch", "1",
          "-thread", "1", "-verbose", "0")).as("%s", run).isZero();
    } finally {
      System.setErr(old);
    }
    assertThat(captured.toString()).contains("-autotune-duration ignored without -autotune-validation");
    assertThat(dir.resolve("y.bin")).exists();
  }
}
