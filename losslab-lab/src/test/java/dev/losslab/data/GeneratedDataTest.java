package dev.losslab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.loss.Losses;
import dev.losslab.nn.Network;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainerConfig;
import dev.losslab.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedDataTest {

  @Test
  void zipfTextIsDeterministicAndInFastTextFormat() {
    ZipfText z = ZipfText.defaults();
    List<String> a = z.lines(50, 3);
    assertThat(a).isEqualTo(z.lines(50, 3)).isNotEqualTo(z.lines(50, 4));
    for (String line : a) {
      assertThat(line).matches("__label__c[0-3]( w\\d+)+");
      int words = line.split(" ").length - 1;
      assertThat(words).isBetween(15, 45);
    }
  }

  @Test
  void zipfClassesUseTheirOwnWordsPlusTheSharedOnes() {
    ZipfText z = new ZipfText(3, 300, 20, 0.2, 1.0, 0.0, 9);
    assertThat(z.sharedWords()).isEqualTo(60);
    Set<Integer>[] own = new Set[3];
    for (int c = 0; c < 3; c++) {
      own[c] = new HashSet<>();
      for (int w : z.words(c)) {
        own[c].add(w);
      }
      assertThat(own[c]).hasSize(60 + 80);
    }
    for (ZipfText.Document d : z.documents(300, 1)) {
      assertThat(d.label()).isEqualTo(d.trueLabel());
      for (int w : d.words()) {
        assertThat(own[d.trueLabel()]).contains(w);
      }
    }
    // Zipf: the top-ranked word of a class is its most frequent one
    int[] counts = new int[300];
    for (ZipfText.Document d : z.documents(600, 2)) {
      if (d.trueLabel() == 0) {
        for (int w : d.words()) {
          counts[w]++;
        }
      }
    }
    int top = z.words(0)[0];
    for (int w = 0; w < 300; w++) {
      assertThat(counts[w]).isLessThanOrEqualTo(counts[top]);
    }
  }

  @Test
  void sharedWordsHoldTheSameRanksInEveryClass() {
    ZipfText z = new ZipfText(4, 400, 20, 0.5, 1.1, 0.0, 5);
    int shared = z.sharedWords();
    assertThat(shared).isEqualTo(200);
    int[][] lists = new int[4][];
    for (int c = 0; c < 4; c++) {
      lists[c] = z.words(c);
    }
    int sharedRanks = 0;
    for (int r = 0; r < lists[0].length; r++) {
      if (lists[0][r] < shared) {
        sharedRanks++;
        for (int c = 1; c < 4; c++) {
          assertThat(lists[c][r]).isEqualTo(lists[0][r]);
        }
      } else {
        for (int c = 1; c < 4; c++) {
          assertThat(lists[c][r]).isGreaterThanOrEqualTo(shared).isNotEqualTo(lists[0][r]);
        }
      }
    }
    assertThat(sharedRanks).isEqualTo(shared);
    // everything shared: one distribution for every class
    ZipfText same = new ZipfText(3, 99, 20, 1.0, 1.1, 0.0, 5);
    assertThat(same.words(0)).containsExactly(same.words(2));
    ZipfText disjoint = new ZipfText(3, 99, 20, 0.0, 1.1, 0.0, 5);
    assertThat(disjoint.sharedWords()).isZero();
    assertThat(disjoint.words(0)).doesNotContain(disjoint.words(1));
  }

  @Test
  void zipfLabelNoiseRelabelsExactlyThatFraction(@TempDir Path dir) throws Exception {
    ZipfText z = new ZipfText(4, 100, 10, 0.5, 1.1, 0.25, 1);
    List<ZipfText.Document> docs = z.documents(400, 7);
    long wrong = docs.stream().filter(d -> d.label() != d.trueLabel()).count();
    assertThat(wrong).isEqualTo(100);
    Path file = dir.resolve("train.txt");
    z.write(file, 400, 7);
    assertThat(Files.readAllLines(file)).isEqualTo(z.lines(400, 7));
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(1); // no temporary file left behind
    }
    assertThatThrownBy(() -> new ZipfText(1, 100, 10, 0.5, 1, 0, 1)).hasMessage("classes (1) must be ≥ 2");
    assertThatThrownBy(() -> new ZipfText(2, 100, 10, 1.5, 1, 0, 1))
        .hasMessage("shared fraction (1.5) must be in [0, 1]");
  }

  @Test
  void gaussianClustersAreBalancedDeterministicAndLearnable() {
    GaussianClusters g = new GaussianClusters(3, 5, 6.0, 0.0, 2);
    DenseDataset train = g.generate(600, 1);
    DenseDataset test = g.generate(300, 2);
    assertThat(train.classCounts()).containsExactly(200, 200, 200);
    assertThat(g.generate(600, 1).checksum()).isEqualTo(train.checksum());
    assertThat(test.checksum()).isNotEqualTo(train.checksum());
    Network net = Network.builder(5).dense(16, "relu").output(3).build(1);
    new Trainer(TrainerConfig.defaults().withEpochs(20).withLearningRate(0.01))
        .train(net, Losses.create("cross-entropy"), train.examples(), TrainingListener.none());
    // against the Bayes-optimal rule for equal isotropic clusters: the nearest centre
    double[] mu = g.centres();
    int bayes = 0;
    for (int i = 0; i < test.rows(); i++) {
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int c = 0; c < 3; c++) {
        double d2 = 0;
        for (int k = 0; k < 5; k++) {
          double e = test.features()[i * 5 + k] - mu[c * 5 + k];
          d2 += e * e;
        }
        if (d2 < bestD) {
          bestD = d2;
          best = c;
        }
      }
      bayes += best == test.labels()[i] ? 1 : 0;
    }
    assertThat(accuracy(net, test)).isGreaterThan((double) bayes / test.rows() - 0.03);

    DenseDataset noisy = new GaussianClusters(3, 5, 6.0, 0.2, 2).generate(600, 1);
    int differ = 0;
    for (int i = 0; i < 600; i++) {
      if (noisy.labels()[i] != train.labels()[i]) {
        differ++;
      }
    }
    assertThat(differ).isEqualTo(120);
    assertThat(noisy.features()).containsExactly(train.features());
  }

  @Test
  void gaussianCentresLieAboutTheSeparationApart() {
    GaussianClusters g = new GaussianClusters(40, 200, 4.0, 0.0, 3);
    double[] mu = g.centres();
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < 40; a++) {
      for (int b = a + 1; b < 40; b++) {
        double d2 = 0;
        for (int k = 0; k < 200; k++) {
          double e = mu[a * 200 + k] - mu[b * 200 + k];
          d2 += e * e;
        }
        sum += d2;
        pairs++;
      }
    }
    assertThat(Math.sqrt(sum / pairs)).isCloseTo(4.0, within(0.2));
  }

  @Test
  void skewedRegressionHasTheStatedMeanAndMedian() {
    for (SkewedRegression r : new SkewedRegression[] {SkewedRegression.defaults(),
        new SkewedRegression(SkewedRegression.Noise.LOG_NORMAL, 0, 1, 1, 0.5, 0.8)}) {
      DenseDataset d = r.generate(200_000, 5);
      // within the bin x ∈ [0.45, 0.55): sample mean ≈ E[y|x] and half of y below median[y|x]
      double sum = 0;
      int n = 0;
      int below = 0;
      for (int i = 0; i < d.rows(); i++) {
        double x = d.features()[i];
        if (x >= 0.45 && x < 0.55) {
          double y = d.targets()[i];
          sum += y - r.mean(x);
          below += y < r.median(x) ? 1 : 0;
          n++;
        }
      }
      assertThat(sum / n).as(r.noise().name()).isCloseTo(0.0, within(0.03));
      assertThat((double) below / n).as(r.noise().name()).isCloseTo(0.5, within(0.015));
      assertThat(r.mean(0.5)).isGreaterThan(r.median(0.5)); // right-skewed
    }
    assertThat(SkewedRegression.defaults().median(0)).isCloseTo(1 + 0.5 * Math.log(2), within(1e-15));
    assertThatThrownBy(() -> new SkewedRegression(SkewedRegression.Noise.EXPONENTIAL, 0, 1, 1, -2, 1))
        .hasMessageContaining("noise scale must be > 0");
  }

  @Test
  void squaredErrorLearnsTheMeanAndAbsoluteErrorTheMedian() {
    // seed 001 §1.2.1, on a linear model that can represent both lines exactly
    SkewedRegression r = SkewedRegression.defaults();
    DenseDataset d = r.generate(20000, 11);
    TrainerConfig config = TrainerConfig.defaults().withOptimizer(OptimizerKind.ADAM)
        .withLearningRate(0.005).withBatchSize(200).withEpochs(40);
    for (String loss : new String[] {"mse", "mae"}) {
      Network net = Network.builder(1).output(1).build(1);
      new Trainer(config).train(net, Losses.create(loss), d.examples(), TrainingListener.none());
      for (double x : new double[] {0.1, 0.5, 0.9}) {
        double fit = net.scores(new float[] {(float) x}, 1)[0];
        double truth = loss.equals("mse") ? r.mean(x) : r.median(x);
        double other = loss.equals("mse") ? r.median(x) : r.mean(x);
        assertThat(fit).as("%s at x = %s", loss, x).isCloseTo(truth, within(0.06));
        assertThat(Math.abs(fit - truth)).isLessThan(Math.abs(fit - other) / 2);
      }
    }
  }

  static double accuracy(Network net, DenseDataset data) {
    int[] p = net.predict(data.features(), data.rows());
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      correct += p[i] == data.labels()[i] ? 1 : 0;
    }
    return (double) correct / p.length;
  }
}
