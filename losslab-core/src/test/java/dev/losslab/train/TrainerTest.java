package dev.losslab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {

  /** Three well-separated classes in 2-D: class c around (2cos(2πc/3), 2sin(2πc/3)). */
  static Examples blobs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * 2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      y[i] = c;
      x[2 * i] = (float) (2 * Math.cos(2 * Math.PI * c / 3) + 0.3 * (random.nextDouble() - 0.5));
      x[2 * i + 1] = (float) (2 * Math.sin(2 * Math.PI * c / 3) + 0.3 * (random.nextDouble() - 0.5));
    }
    return Examples.labelled(x, n, 2, y);
  }

  /** y = 3x − 1 on x in [-1, 1], one feature, one dense target. */
  static Examples line(int n) {
    float[] x = new float[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (-1 + 2.0 * i / (n - 1));
      t[i] = 3 * x[i] - 1;
    }
    return Examples.dense(x, n, 1, t, 1);
  }

  static double accuracy(Network net, Examples data) {
    int[] p = net.predict(data.features(), data.rows());
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == data.target().label(i)) {
        correct++;
      }
    }
    return (double) correct / p.length;
  }

  private static Network small() {
    return Network.builder(2).dense(8, "tanh").output(3).build(1);
  }

  @Test
  void learnsSeparableClassesWithEachOptimizer() {
    Examples data = blobs(90, 1);
    for (OptimizerKind kind : OptimizerKind.values()) {
      Network net = small();
      TrainerConfig config = TrainerConfig.defaults().withOptimizer(kind)
          .withLearningRate(kind == OptimizerKind.ADAM ? 0.05 : 0.2).withBatchSize(10).withEpochs(30);
      TrainingResult r = new Trainer(config)
          .train(net, Losses.create("cross-entropy"), data, TrainingListener.none());
      assertThat(accuracy(net, data)).as(kind.label()).isEqualTo(1.0);
      assertThat(r.last().loss()).as(kind.label()).isLessThan(r.epochs().get(0).loss());
      assertThat(r.stopReason()).isEqualTo(StopReason.EPOCHS);
      assertThat(r.epochs()).hasSize(30);
    }
  }

  @Test
  void sameSeedGivesBitIdenticalParametersOtherSeedDoesNot() {
    Examples data = blobs(60, 2);
    TrainerConfig config = TrainerConfig.defaults().withBatchSize(7).withEpochs(3);
    Loss loss = Losses.create("cross-entropy");
    Network a = small();
    Network b = small();
    Network c = small();
    new Trainer(config).train(a, loss, data, TrainingListener.none());
    new Trainer(config).train(b, loss, data, TrainingListener.none());
    new Trainer(config.withSeed(99)).train(c, loss, data, TrainingListener.none());
    assertThat(a.parameters()).containsExactly(b.parameters());
    assertThat(a.parameters()).isNotEqualTo(c.parameters());
  }

  @Test
  void fullPassMetricsAreTheObjectiveAndItsGradientAtTheEpochEnd() {
    Examples data = blobs(30, 3);
    Loss loss = Losses.create("cross-entropy");
    double lambda = 0.01;
    TrainerConfig config = TrainerConfig.defaults().withBatchSize(8).withEpochs(2)
        .withWeightDecay(lambda).withFullPassMetrics(true);
    List<double[]> snapshots = new ArrayList<>();
    List<EpochMetrics> seen = new ArrayList<>();
    Network net = small();
    new Trainer(config).train(net, loss, data, new TrainingListener() {
      @Override
      public void onEpoch(EpochMetrics m, Network n) {
        snapshots.add(n.parameters().clone());
        seen.add(m);
      }
    });
    for (int e = 0; e < 2; e++) {
      Network at = small();
      at.setParameters(snapshots.get(e));
      Objective objective = new Objective(at, loss, lambda);
      double[] grad = new double[at.parameterCount()];
      double j = objective.valueAndGradient(data, grad);
      double norm = 0;
      for (double g : grad) {
        norm += g * g;
      }
      EpochMetrics m = seen.get(e);
      assertThat(m.exact()).isTrue();
      assertThat(m.loss()).isCloseTo(j, within(1e-12));
      assertThat(m.gradientNorm()).isCloseTo(Math.sqrt(norm), within(1e-12));
      // the reported objective carries the regularisation term (λ/2)‖W‖², and only it, on top of the data loss
      assertThat(m.loss() - m.dataLoss()).isCloseTo(0.5 * lambda * at.weightSquaredNorm(), within(1e-12));
    }
  }

  @Test
  void runningMetricsAverageTheBatches() {
    Examples data = blobs(30, 4);
    List<Double> batchLosses = new ArrayList<>();
    Network net = small();
    TrainingResult r = new Trainer(TrainerConfig.defaults().withBatchSize(30).withEpochs(1))
        .train(net, Losses.create("cross-entropy"), data, new TrainingListener() {
          @Override
          public void onBatch(Batch b) {
            double sum = 0;
            for (int i = 0; i < b.rows(); i++) {
              sum += b.loss(i);
            }
            batchLosses.add(sum / b.rows());
          }
        });
    // one full batch: the running loss is that batch's mean loss, before the step
    assertThat(r.last().exact()).isFalse();
    assertThat(r.last().loss()).isCloseTo(batchLosses.get(0), within(1e-12));
  }

  @Test
  void batchViewShowsEachExampleItsScoresAndTheLossGradient() {
    Examples data = blobs(25, 5);
    Loss loss = Losses.create("cross-entropy");
    int[] batches = {0};
    int[] seenRows = new int[25];
    new Trainer(TrainerConfig.defaults().withBatchSize(10).withEpochs(1))
        .train(small(), loss, data, new TrainingListener() {
          @Override
          public void onBatch(Batch b) {
            batches[0]++;
            double[] s = new double[3];
            double[] g = new double[3];
            for (int r = 0; r < b.rows(); r++) {
              int row = b.exampleIndex(r);
              seenRows[row]++;
              for (int j = 0; j < 3; j++) {
                s[j] = b.score(r, j);
              }
              double v = loss.evaluate(s, 0, 3, b.target(), row, g, 0);
              assertThat(b.loss(r)).isEqualTo(v);
              for (int j = 0; j < 3; j++) {
                assertThat(b.scoreGradient(r, j)).isEqualTo(g[j]);
              }
              // the scores are the network's at the parameters before the step
              double[] direct = b.network().scores(
                  java.util.Arrays.copyOfRange(data.features(), 2 * row, 2 * row + 2), 1);
              assertThat(direct[0]).isCloseTo(s[0], within(1e-12));
            }
          }
        });
    assertThat(batches[0]).isEqualTo(3);
    assertThat(seenRows).containsOnly(1);
  }

  @Test
  void gradientNormRuleStopsAConvexRegressionNearItsOptimum() {
    Examples data = line(21);
    Network net = Network.builder(1).output(1).build(1);
    TrainerConfig config = TrainerConfig.defaults().withOptimizer(OptimizerKind.SGD)
        .withLearningRate(0.5).withBatchSize(21).withEpochs(500).withFullPassMetrics(true)
        .withStopping(StoppingRule.gradientNorm(1e-6));
    TrainingResult r = new Trainer(config).train(net, Losses.create("mse"), data,
        TrainingListener.none());
    assertThat(r.stopReason()).isEqualTo(StopReason.GRADIENT_NORM);
    assertThat(r.epochs().size()).isLessThan(500);
    assertThat(r.last().gradientNorm()).isLessThan(1e-6);
    double w = net.parameters()[net.layers().get(0).weightIndex(0, 0)];
    double b = net.parameters()[net.layers().get(0).biasOffset()];
    assertThat(w).isCloseTo(3.0, within(1e-5));
    assertThat(b).isCloseTo(-1.0, within(1e-5));
  }

  @Test
  void lossChangeRuleStopsWhenTheObjectiveLevelsOff() {
    Examples data = blobs(60, 6);
    TrainerConfig config = TrainerConfig.defaults().withLearningRate(0.05).withBatchSize(60)
        .withEpochs(2000).withFullPassMetrics(true).withStopping(StoppingRule.lossChange(1e-3));
    TrainingResult r = new Trainer(config).train(small(), Losses.create("cross-entropy"), data,
        TrainingListener.none());
    assertThat(r.stopReason()).isEqualTo(StopReason.LOSS_CHANGE);
    List<EpochMetrics> e = r.epochs();
    assertThat(e.size()).isGreaterThan(1).isLessThan(2000);
    double before = e.get(e.size() - 2).loss();
    assertThat(Math.abs(r.last().loss() - before) / before).isLessThan(1e-3);
    // each earlier epoch still changed the loss by at least the threshold
    for (int i = 1; i < e.size() - 1; i++) {
      double prev = e.get(i - 1).loss();
      assertThat(Math.abs(e.get(i).loss() - prev) / prev).isGreaterThanOrEqualTo(1e-3);
    }
  }

  @Test
  void aFormulaThatBecomesNonFiniteStopsTrainingWithItsCulprit() {
    Examples data = line(11);
    TrainerConfig config = TrainerConfig.defaults().withOptimizer(OptimizerKind.SGD)
        .withLearningRate(50).withBatchSize(11).withEpochs(5000);
    Network net = Network.builder(1).output(1).build(1);
    assertThatThrownBy(() -> new Trainer(config).train(net, Losses.create("formula:exp((s - y)^2)"), data,
        TrainingListener.none()))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("formula:exp((s - y)^2): example ")
        .hasMessageContaining("exp((s - y)^2) at column 1 is Infinity")
        .hasMessageContaining("learning rate 50.0")
        .hasCauseInstanceOf(dev.losslab.formula.FormulaDomainException.class);
    for (double p : net.parameters()) {
      assertThat(p).isFinite();
    }
  }

  @Test
  void divergingTrainingStopsWithTheEpochAndBatch() {
    Examples data = line(11);
    TrainerConfig config = TrainerConfig.defaults().withOptimizer(OptimizerKind.SGD)
        .withLearningRate(50).withBatchSize(11).withEpochs(5000);
    Network net = Network.builder(1).output(1).build(1);
    assertThatThrownBy(() -> new Trainer(config).train(net, Losses.create("mse"), data,
        TrainingListener.none()))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageContaining("epoch")
        .hasMessageContaining("learning rate 50.0");
    for (double p : net.parameters()) {
      assertThat(p).isFinite();
    }
  }

  @Test
  void dataThatDoesNotFitIsRejectedBeforeTraining() {
    Trainer t = new Trainer(TrainerConfig.defaults());
    Loss ce = Losses.create("cross-entropy");
    Examples three = Examples.labelled(new float[6], 2, 3, new int[] {0, 1});
    assertThatThrownBy(() -> t.train(small(), ce, three, TrainingListener.none()))
        .hasMessageContaining("3 features").hasMessageContaining("takes 2");
    Examples badLabel = Examples.labelled(new float[4], 2, 2, new int[] {0, 7});
    assertThatThrownBy(() -> t.train(small(), ce, badLabel, TrainingListener.none()))
        .hasMessageContaining("7");
    Examples nan = Examples.labelled(new float[] {0, Float.NaN}, 1, 2, new int[] {0});
    assertThatThrownBy(() -> t.train(small(), ce, nan, TrainingListener.none()))
        .hasMessageContaining("feature 1 of example 0 is NaN");
    Examples empty = Examples.labelled(new float[0], 0, 2, new int[0]);
    assertThatThrownBy(() -> t.train(small(), ce, empty, TrainingListener.none()))
        .hasMessageContaining("no training examples");
  }
}
