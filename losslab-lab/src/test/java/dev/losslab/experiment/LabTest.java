package dev.losslab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.report.Block;
import dev.losslab.report.Report;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.TrainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabTest {

  @TempDir Path tmp;

  @Test
  void theDefaultSetupIsCompares() {
    ModelSetup d = ModelSetup.defaults();
    assertThat(d.hidden()).containsExactly(32);
    assertThat(d.activation()).isEqualTo("relu");
    assertThat(d.trainer()).isEqualTo(new TrainerConfig(OptimizerKind.MOMENTUM, 0.05, 0.9, 32, 20, 0.0,
        StoppingRule.none(), 1L, true));
    assertThat(d.withHidden().hidden()).isEmpty();
    assertThat(d.withHidden(64, 16).describe(20, 5)).isEqualTo("20-64(relu)-16(relu)-5 (linear output)");
    assertThat(d.withEpochs(5).trainer()).isEqualTo(d.trainer().withEpochs(5));
    assertThat(d.withActivation("tanh").activation()).isEqualTo("tanh");
    // the experiments' classifier is the same network and optimiser at their budget
    ExperimentContext quick = ExperimentContext.quick();
    assertThat(quick.classifier()).isEqualTo(d.withEpochs(3));
    assertThat(quick.classifier(OptimizerKind.SGD, 0.1, 7).trainer())
        .isEqualTo(d.trainer().withOptimizer(OptimizerKind.SGD).withLearningRate(0.1).withEpochs(7));
  }

  @Test
  void theFactoriesFillInTheDefaults() {
    CompareConfig c = CompareConfig.of("cross-entropy,gce,formula:1 - p[label]", 2, ModelSetup.defaults());
    assertThat(c.losses()).extracting(LossChoice::label)
        .containsExactly("cross-entropy", "gce", "formula:1 - p[label]");
    assertThat(c.sample()).isEqualTo(CompareConfig.DEFAULT_SAMPLE).isEqualTo(1000);
    assertThat(c.stallThreshold()).isEqualTo(GradientDiagnostics.DEFAULT_STALL_THRESHOLD);
    assertThat(c.runs()).isEqualTo(6);
    CompareConfig d = CompareConfig.defaults();
    assertThat(d.losses()).hasSize(8);
    assertThat(d.seeds()).isEqualTo(3);
    assertThat(d.setup()).isEqualTo(ModelSetup.defaults());
    ExperimentContext s = ExperimentContext.standard();
    assertThat(List.of(s.seeds(), s.trainRows(), s.testRows(), s.epochs())).containsExactly(3, 2000, 1000, 20);
    assertThat(s.withSeeds(5).seeds()).isEqualTo(5);
    ExploreConfig e = ExploreConfig.defaults();
    assertThat(e.losses()).extracting(LossChoice::label).containsExactly(
        ExploreConfig.DEFAULT_LOSSES.split(","));
    assertThat(List.of(e.lo(), e.hi(), (double) e.points())).containsExactly(-10.0, 10.0, 401.0);
    assertThat(e.targets()).containsExactly(0, 1);
  }

  static Stream<Arguments> badValues() {
    ModelSetup d = ModelSetup.defaults();
    List<LossChoice> ce = LossChoice.parseList("cross-entropy");
    return Stream.of(
        Arguments.of("seeds (0) must be >= 1", (Supplier<?>) () -> CompareConfig.of(ce, 0, d)),
        Arguments.of("at least one loss is needed", (Supplier<?>) () -> CompareConfig.of(List.of(), 1, d)),
        Arguments.of("sample (0) must be >= 1", (Supplier<?>) () -> new CompareConfig(ce, 1, d, 0, 1e-3)),
        Arguments.of("stall threshold (NaN) must be > 0 and finite",
            (Supplier<?>) () -> new CompareConfig(ce, 1, d, 10, Double.NaN)),
        Arguments.of("seeds (-1) must be >= 1", (Supplier<?>) () -> ExperimentContext.standard().withSeeds(-1)),
        Arguments.of("empty loss name in the list 'mse,,mae'",
            (Supplier<?>) () -> CompareConfig.of("mse,,mae", 1, d)),
        Arguments.of("loss 'mse' is listed twice in 'mse,mae,mse'",
            (Supplier<?>) () -> CompareConfig.of("mse,mae,mse", 1, d)),
        Arguments.of("unknown activation 'relu6'", (Supplier<?>) () -> d.withActivation("relu6")),
        Arguments.of("hidden layer size (0) must be >= 1", (Supplier<?>) () -> d.withHidden(8, 0)),
        Arguments.of("score range (1.0, -1.0) must be two finite numbers lo < hi",
            (Supplier<?>) () -> new ExploreConfig(ce, 1, -1, new double[] {0}, 11)),
        Arguments.of("target (2.0) must be in [0, 1]",
            (Supplier<?>) () -> new ExploreConfig(ce, -1, 1, new double[] {2}, 11)),
        Arguments.of("nowhere.csv: no such file or folder",
            (Supplier<?>) () -> CompareData.read(Path.of("nowhere.csv"))),
        Arguments.of("unknown experiment 'nope'", (Supplier<?>) () -> Lab.experiment("nope",
            ExperimentContext.quick())));
  }

  /** The lab's messages name the value as a Java caller knows it, never a command-line flag. */
  @ParameterizedTest
  @MethodSource("badValues")
  void badValuesAreNamedWithoutCommandLineFlags(String message, Supplier<?> call) {
    assertThatThrownBy(call::get).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message).hasMessageNotContaining("--").hasMessageNotContaining("\n");
  }

  @Test
  void compareRunsEveryLossAndSeedAndWritesTheReport() throws Exception {
    CompareConfig config = CompareConfig.of("cross-entropy,formula:1 - p[label]", 2,
        ModelSetup.defaults().withHidden(8).withEpochs(2));
    List<String> seen = new ArrayList<>();
    CompareResult result = Lab.compare(config, CompareData.generated(150, 60),
        r -> seen.add(r.loss() + "/" + r.seed()));
    assertThat(seen).containsExactly("cross-entropy/1", "cross-entropy/2", "formula:1 - p[label]/1",
        "formula:1 - p[label]/2");
    assertThat(result.runs()).hasSize(4).allSatisfy(r -> assertThat(r.epochs()).hasSize(2));
    assertThat(result.runs("formula:1 - p[label]")).extracting(RunResult::seed).containsExactly(1L, 2L);
    assertThat(result.seconds()).isPositive();
    assertThat(result.info().model()).isEqualTo("20-8(relu)-5 (linear output)");
    assertThat(result.report().configuration()).containsEntry("losses", "cross-entropy,formula:1 - p[label]")
        .containsEntry("epochs", "2").containsEntry("command", "compare");
    // the caption line, the header, its rule and a row per loss
    assertThat(result.summary().lines()).hasSize(5)
        .anySatisfy(l -> assertThat(l).startsWith("formula:1 - p[label] ").contains(" ± "));
    assertThat(result.summary().lines().findFirst().orElseThrow()).startsWith("Summary at the last epoch");
    Path index = Lab.write(result.report(), tmp.resolve("r"));
    assertThat(index).isEqualTo(tmp.resolve("r/index.html")).isRegularFile();
    assertThat(Files.readString(tmp.resolve("r/results.json"))).contains("\"formula:1 - p[label]\"");
  }

  @Test
  void textComparisonsRejectTargetSmoothingBeforeTraining() {
    CompareConfig config = CompareConfig.of("cross-entropy,kl-divergence:smoothing=0.1", 1,
        ModelSetup.defaults());
    assertThatThrownBy(() -> Comparison.checkText(config))
        .hasMessageStartingWith("loss 'kl-divergence:smoothing=0.1': smoothing= is for dense data");
  }

  @Test
  void experimentAndExploreAreOneCallEach() throws Exception {
    Report ceVsKl = Lab.experiment("ce-vs-kl", ExperimentContext.quick());
    assertThat(ceVsKl.title()).isEqualTo("losslab experiment ce-vs-kl");
    assertThat(ceVsKl.sections()).hasSize(1);
    assertThat(ceVsKl.sections().get(0).blocks()).anySatisfy(b -> assertThat(b)
        .isInstanceOfSatisfying(Block.Paragraph.class, p -> assertThat(p.text()).startsWith("Verdict")));
    Report explore = Lab.explore(ExploreConfig.of("cross-entropy,gce"));
    assertThat(explore.configuration()).containsEntry("losses", "cross-entropy,gce");
    assertThat(Lab.write(explore, tmp.resolve("e"))).isRegularFile();
  }
}
