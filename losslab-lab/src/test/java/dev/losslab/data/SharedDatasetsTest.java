package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.losslab.loss.Losses;
import dev.losslab.nn.Network;
import dev.losslab.train.EpochMetrics;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainerConfig;
import dev.losslab.train.TrainingListener;
import dev.losslab.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real data sets in {@code ../shared/datasets} beside the repository (set {@code LOSSLAB_DATASETS} to read
 * them elsewhere); each test is skipped, with the path it looked for, when its data set is absent.
 */
class SharedDatasetsTest {

  static Path datasets() {
    String env = System.getenv("LOSSLAB_DATASETS");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    // tests run in the module folder; the data sets sit beside the repository
    Path besideRepository = Path.of("..", "..", "shared", "datasets");
    return Files.isDirectory(besideRepository) ? besideRepository : Path.of("..", "shared", "datasets");
  }

  static Path require(String name) {
    Path dir = datasets().resolve(name);
    assumeTrue(Files.isDirectory(dir),
        "skipped: data set " + dir.toAbsolutePath().normalize() + " is absent");
    return dir;
  }

  @Test
  void oneHiddenLayerReaches85PercentOnFashionMnist() {
    Path dir = require("fashion-mnist");
    DenseDataset train = Scaling.divide(IdxReader.readDirectory(dir, "train"), 255);
    DenseDataset test = Scaling.divide(IdxReader.readDirectory(dir, "t10k"), 255);
    assertThat(train.rows()).isEqualTo(60000);
    assertThat(test.rows()).isEqualTo(10000);
    assertThat(train.columns()).isEqualTo(784);
    assertThat(train.classCounts()).containsOnly(6000);

    Network net = Network.builder(784).dense(128, "relu").output(10).build(1);
    TrainingResult r = new Trainer(TrainerConfig.defaults().withEpochs(3).withBatchSize(64))
        .train(net, Losses.create("cross-entropy"), train.examples(), TrainingListener.none());
    double accuracy = GeneratedDataTest.accuracy(net, test);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
    for (int e = 1; e < r.epochs().size(); e++) {
      EpochMetrics m = r.epochs().get(e);
      assertThat(m.loss()).isLessThan(r.epochs().get(e - 1).loss());
    }
  }

  @Test
  void digitsCsvReadsAndTrains() {
    Path dir = require("digits");
    DenseDataset digits = CsvReader.read(dir.resolve("digits.csv.gz"));
    assertThat(digits.rows()).isEqualTo(1797);
    assertThat(digits.columns()).isEqualTo(64);
    assertThat(digits.classes()).isEqualTo(10);
    DenseDataset.Split split = digits.split(0.2, 1);
    Standardizer s = Standardizer.fit(split.train());
    DenseDataset train = s.apply(split.train());
    DenseDataset test = s.apply(split.test());
    Network net = Network.builder(64).dense(64, "tanh").output(10).build(1);
    new Trainer(TrainerConfig.defaults().withEpochs(20).withBatchSize(32))
        .train(net, Losses.create("cross-entropy"), train.examples(), TrainingListener.none());
    assertThat(GeneratedDataTest.accuracy(net, test)).isGreaterThan(0.93);
  }
}
