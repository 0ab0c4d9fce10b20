package dev.losslab.text.autotune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.losslab.text.Args;
import dev.losslab.text.TrainingData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search end to end on a small synthetic set (three topics, a few hundred lines). */
class AutotuneTest {
  @TempDir Path dir;

  static final String[][] TOPICS = {{"bread", "flour", "oven", "dough"},
      {"knife", "blade", "steel", "edge"}, {"egg", "yolk", "boil", "shell"}};
  static final String[] NAMES = {"baking", "knives", "eggs"};

  static String corpus(int lines, long seed) {
    Random r = new Random(seed);
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int l = r.nextInt(3);
      t.append("__label__").append(NAMES[l]);
      for (int w = 0; w < 6; w++) {
        t.append(' ').append(r.nextInt(3) < 2 ? TOPICS[l][r.nextInt(4)] : TOPICS[r.nextInt(3)][r.nextInt(4)]);
      }
      t.append('\n');
    }
    return t.toString();
  }

  static TrainingData.Source source(String content) {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(b);
  }

  static final TrainingData.Source TRAIN = source(corpus(300, 1));
  static final TrainingData.Source VALID = source(corpus(100, 2));
  /** Small models: a fixed, small bucket count; one thread so a seed repeats the training. */
  static final Args GIVEN = Args.builder().dim(10).epoch(5).bucket(10_000).thread(1).seed(5)
      .verbose(0).build();

  /** A clock that advances 1 ms whenever it is read: the search's time no longer depends on the machine. */
  static LongSupplier ticking() {
    AtomicLong t = new AtomicLong();
    return () -> t.addAndGet(1_000_000);
  }

  AutotuneSettings.Builder settings(String csv) {
    return AutotuneSettings.builder(VALID, "valid.txt").durationSeconds(1e6).maxTrials(8)
        .fixed(EnumSet.of(SearchParam.BUCKET)).csv(dir.resolve(csv)).clock(ticking());
  }

  static List<CsvRecord> rows(Path csv) throws IOException {
    return CsvReader.builder().ofCsvRecord(Files.readString(csv)).stream().toList();
  }

  /** The CSV without the seconds column, which measures the machine. */
  static List<List<String>> withoutSeconds(Path csv) throws IOException {
    int seconds = TrialCsv.COLUMNS.indexOf("seconds");
    List<List<String>> out = new ArrayList<>();
    for (CsvRecord r : rows(csv)) {
      List<String> f = new ArrayList<>(r.getFields());
      f.remove(seconds);
      out.add(f);
    }
    return out;
  }

  @Test
  void searchesWritesEveryTrialAndTrainsTheBestAgain() throws IOException {
    AutotuneResult r = Autotune.run(GIVEN, TRAIN, "train.txt", settings("a.csv").build(), null);
    assertThat(r.trials()).hasSize(8);
    assertThat(r.trials().get(0).args().args()).isSameAs(GIVEN);
    assertThat(r.best().scored()).isTrue();
    for (Trial t : r.trials()) {
      if (t.scored()) {
        assertThat(t.score()).isLessThanOrEqualTo(r.best().score());
      }
      assertThat(t.args().args().bucket()).isEqualTo(10_000);
    }
    assertThat(r.model().args().dim()).isEqualTo(r.best().args().args().dim());
    assertThat(r.finalScore()).isBetween(0.0, 1.0);
    List<CsvRecord> csv = rows(dir.resolve("a.csv"));
    assertThat(csv).hasSize(9);
    assertThat(csv.get(0).getFields()).isEqualTo(TrialCsv.COLUMNS);
    assertThat(csv.get(1).getField(TrialCsv.COLUMNS.indexOf("dim"))).isEqualTo("10");
    assertThat(csv.get(1).getField(TrialCsv.COLUMNS.indexOf("status"))).isEqualTo("ok");
  }

  /** Files of {@code folder} this process holds open (Linux: links in /proc/self/fd, unlinked or not). */
  static long openIn(Path folder) throws IOException {
    String prefix = folder.toAbsolutePath() + "/";
    long n = 0;
    try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith(prefix)) {
            n++;
          }
        } catch (IOException e) {
          // the descriptor of the listing itself, closed by now
        }
      }
    }
    return n;
  }

  @Test
  void theCorpusFilesGoToTheTempFolderAndAreClosedWhenTheSearchEnds() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")),
        "needs /proc/self/fd (Linux)");
    Path folder = Files.createDirectory(dir.resolve("corpus"));
    // the probe sees a corpus file that is open, though it has no name
    try (TrainingData d = TrainingData.read(TRAIN, "train.txt", GIVEN,
        TrainingData.Options.DEFAULT.withTempFolder(folder))) {
      assertThat(openIn(folder)).isPositive();
    }
    assertThat(openIn(folder)).isZero();
    AutotuneResult r = Autotune.run(GIVEN, TRAIN, "train.txt",
        settings("c.csv").tempFolder(folder).build(), null);
    assertThat(r.trials()).hasSize(8);
    assertThat(openIn(folder)).isZero();
    try (java.util.stream.Stream<Path> left = Files.list(folder)) {
      assertThat(left).isEmpty();
    }
    assertThatThrownBy(() -> Autotune.run(GIVEN, TRAIN, "train.txt",
        settings("d.csv").tempFolder(dir.resolve("missing")).build(), null))
        .hasMessageContaining(dir.resolve("missing") + ": the folder does not exist");
  }

  @Test
  void withASeedAndOneThreadTheSearchRepeats() throws IOException {
    Autotune.run(GIVEN, TRAIN, "train.txt", settings("a.csv").build(), null);
    Autotune.run(GIVEN, TRAIN, "train.txt", settings("b.csv").build(), null);
    Autotune.run(GIVEN.toBuilder().seed(6).build(), TRAIN, "train.txt", settings("c.csv").build(),
        null);
    assertThat(withoutSeconds(dir.resolve("b.csv"))).isEqualTo(withoutSeconds(dir.resolve("a.csv")));
    assertThat(withoutSeconds(dir.resolve("c.csv"))).isNotEqualTo(withoutSeconds(dir.resolve("a.csv")));
  }

  @Test
  void aTinyBudgetStillEndsWithAModel() {
    AutotuneSettings s = AutotuneSettings.builder(VALID, "valid.txt").durationSeconds(0.5)
        .fixed(EnumSet.of(SearchParam.BUCKET)).build();
    AutotuneResult r = Autotune.run(GIVEN, TRAIN, "train.txt", s, null);
    assertThat(r.trials()).isNotEmpty();
    assertThat(r.best().scored()).isTrue();
    assertThat(r.model()).isNotNull();
  }

  /** A clock that advances a second whenever it is read. */
  static LongSupplier fast() {
    AtomicLong t = new AtomicLong();
    return () -> t.addAndGet(1_000_000_000L);
  }

  @Test
  void aTrialCutByTheClockIsScoredAsItStandsAndTrainedInFullAtTheEnd() {
    Args given = GIVEN.toBuilder().epoch(50).build();
    AutotuneSettings s = AutotuneSettings.builder(VALID, "valid.txt").durationSeconds(20)
        .fixed(EnumSet.of(SearchParam.BUCKET, SearchParam.EPOCH)).clock(fast()).build();
    AutotuneResult r = Autotune.run(given, TRAIN, "train.txt", s, null);
    Trial first = r.trials().get(0);
    assertThat(first.status()).isEqualTo(Trial.Status.OUT_OF_TIME);
    assertThat(first.epochs()).isBetween(1, 49);
    assertThat(first.detail()).startsWith((50 - first.epochs()) + " more epochs of ")
        .endsWith("would end past 20 s; scored as it stands");
    assertThat(first.scored()).isTrue();
    assertThat(r.best()).isSameAs(first);
    assertThat(r.model().args().epoch()).isEqualTo(50);
  }

  @Test
  void withoutEarlyStoppingATrialCutByTheClockCountsForNothingAsInFastText() {
    Args given = GIVEN.toBuilder().epoch(50).build();
    AutotuneSettings s = AutotuneSettings.builder(VALID, "valid.txt").durationSeconds(20)
        .fixed(EnumSet.of(SearchParam.BUCKET, SearchParam.EPOCH)).earlyStopping(false)
        .clock(fast()).build();
    assertThatThrownBy(() -> Autotune.run(given, TRAIN, "train.txt", s, null))
        .isInstanceOf(Autotune.NoTrialFinished.class)
        .hasMessageContaining("no trial finished within -autotune-duration 20 s")
        .hasMessageContaining("out-of-time");
  }

  @Test
  void parametersGivenByHandAndTheLossListHoldInEveryTrial() {
    Args given = GIVEN.toBuilder().epoch(3).build();
    AutotuneSettings s = settings("l.csv").maxTrials(10)
        .fixed(EnumSet.of(SearchParam.BUCKET, SearchParam.EPOCH))
        .losses(SearchLoss.parseList("ova,cross-entropy:labelSmoothing=0.1", given)).build();
    AutotuneResult r = Autotune.run(given, TRAIN, "train.txt", s, null);
    for (Trial t : r.trials()) {
      assertThat(t.args().args().epoch()).isEqualTo(3);
      assertThat(t.args().lossText()).isIn("ova", "cross-entropy:labelSmoothing=0.1");
    }
    // softmax is not in the list: the first trial takes the list's first loss
    assertThat(r.trials().get(0).args().lossText()).isEqualTo("ova");
  }

  @Test
  void aTrialWhoseFirstEpochLossIsNotBelowTheMedianStopsThere() {
    // only lr is searched: trial 1 (lr 0.5) sets a high bar that many lower draws do not pass
    Args given = GIVEN.toBuilder().lr(0.5).build();
    EnumSet<SearchParam> fixed = EnumSet.allOf(SearchParam.class);
    fixed.remove(SearchParam.LR);
    AutotuneResult r = Autotune.run(given, TRAIN, "train.txt", settings("p.csv").fixed(fixed)
        .maxTrials(10).build(), null);
    List<Trial> stopped = r.trials().stream().filter(t -> t.status() == Trial.Status.STOPPED).toList();
    assertThat(stopped).isNotEmpty().allSatisfy(t -> {
      assertThat(t.epochs()).isEqualTo(1);
      assertThat(t.detail()).startsWith("epoch 1 loss ").contains(", not below the median ");
      assertThat(t.score()).isNaN();
    });
    assertThat(r.trials().get(0).status()).isEqualTo(Trial.Status.OK); // the first is never stopped
  }

  @Test
  void withoutEarlyStoppingNoTrialIsStopped() {
    AutotuneSettings s = settings("n.csv").earlyStopping(false).maxTrials(6).build();
    AutotuneResult r = Autotune.run(GIVEN, TRAIN, "train.txt", s, null);
    assertThat(r.trials()).noneMatch(t -> t.status() == Trial.Status.STOPPED);
    assertThat(r.trials()).allMatch(t -> t.epochs() == t.args().args().epoch()
        || t.status() != Trial.Status.OK);
  }

  @Test
  void aLabelThatTheDataLacksIsABadSetting() {
    AutotuneSettings s = settings("x.csv").metric(AutotuneMetric.parse("f1:__label__cake")).build();
    assertThatThrownBy(() -> Autotune.run(GIVEN, TRAIN, "train.txt", s, null))
        .isInstanceOf(Autotune.BadSetting.class)
        .hasMessageContaining("-autotune-metric f1:__label__cake: the training data has no label");
    AutotuneSettings eggs = settings("y.csv").metric(AutotuneMetric.parse("f1:__label__eggs")).build();
    assertThat(Autotune.run(GIVEN, TRAIN, "train.txt", eggs, null).best().scored()).isTrue();
  }

  @Test
  void aValidationFileWithNoUsableLineFailsBeforeTheFirstTrial() {
    AutotuneSettings s = AutotuneSettings.builder(source("__label__cake sponge\n"), "valid.txt")
        .csv(dir.resolve("z.csv")).build();
    assertThatThrownBy(() -> Autotune.run(GIVEN, TRAIN, "train.txt", s, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("valid.txt: no line has a label seen in training");
    assertThat(dir.resolve("z.csv")).doesNotExist();
  }

  @Test
  void aModelSizeQuantizesEveryTrialThroughTheQuantizer() {
    List<Quantizer.Settings> asked = new ArrayList<>();
    Quantizer passThrough = (model, train, name, q) -> {
      asked.add(q);
      return new Quantizer.Quantized() {
        @Override public java.util.function.Supplier<LinePredictor> predictors() {
          return () -> LinePredictor.of(model);
        }
        @Override public void save(Path ftz) {}
      };
    };
    // word bigrams kept: 10,000 bucket rows, enough for product quantization
    AutotuneSettings s = settings("q.csv").maxTrials(4)
        .fixed(EnumSet.of(SearchParam.BUCKET, SearchParam.DIM, SearchParam.WORD_NGRAMS))
        .modelSize(ModelSize.parse("200k"), passThrough).build();
    AutotuneResult r = Autotune.run(GIVEN.toBuilder().wordNgrams(2).build(), TRAIN, "train.txt", s,
        null);
    assertThat(r.quantized()).isPresent();
    assertThat(asked).isNotEmpty().allSatisfy(q -> {
      assertThat(q.qnorm()).isTrue();
      assertThat(q.retrain()).isTrue();
      assertThat(q.qout()).isFalse(); // three labels
    });
    // dim 10, 3 output rows, dense: (200,000 − 107 − 10,240 − 136) / (5 + 1 + 10) = 11,844 rows
    assertThat(r.trials().get(0).cutoff()).isEqualTo(11_844);
    assertThat(r.trials().stream().filter(Trial::scored)).allMatch(t -> t.cutoff() > 256);
  }

  @Test
  void aModelSizeSkipsTrialsWithTooFewRowsToQuantize() {
    List<Quantizer.Settings> asked = new ArrayList<>();
    Quantizer never = (model, train, name, q) -> {
      asked.add(q);
      throw new AssertionError("not quantizable");
    };
    // no n-grams: the dictionary's 12 words are the only rows, fewer than the 256 centroids
    AutotuneSettings s = settings("few.csv").maxTrials(3)
        .fixed(EnumSet.of(SearchParam.BUCKET, SearchParam.WORD_NGRAMS, SearchParam.MINN))
        .modelSize(ModelSize.parse("200k"), never).build();
    assertThatThrownBy(() -> Autotune.run(GIVEN, TRAIN, "train.txt", s, null))
        .isInstanceOf(Autotune.NoTrialFinished.class)
        .hasMessageContaining("no trial reached -autotune-modelsize 200k");
    assertThat(asked).isEmpty();
  }

  @Test
  void badSettingsNameTheFlag() {
    assertThatThrownBy(() -> AutotuneSettings.builder(VALID, "v").durationSeconds(0).build())
        .hasMessageStartingWith("-autotune-duration (0.0) must be");
    assertThatThrownBy(() -> AutotuneSettings.builder(VALID, "v").durationSeconds(Double.NaN).build())
        .hasMessageStartingWith("-autotune-duration (NaN) must be");
    assertThatThrownBy(() -> AutotuneSettings.builder(VALID, "v").predictions(0).build())
        .hasMessageStartingWith("-autotune-predictions (0) must be > 0, or -1");
    assertThatThrownBy(() -> AutotuneSettings.builder(VALID, "v").predictions(-2).build())
        .hasMessageStartingWith("-autotune-predictions (-2)");
    assertThatThrownBy(() -> AutotuneSettings.builder(VALID, "v").maxTrials(-1).build())
        .hasMessageStartingWith("-autotune-trials (-1)");
    assertThatThrownBy(() -> AutotuneSettings.builder(VALID, "v").dsub(3).build())
        .hasMessageStartingWith("-dsub (3) must be 2, 4, 8 or 16");
    assertThatThrownBy(() -> AutotuneSettings.builder(VALID, "v").fixed(Set.of(SearchParam.LOSS))
        .losses(List.of(new SearchLoss("ova", java.util.Map.of()))).build())
        .hasMessageContaining("cannot be used with -loss");
  }
}
