package dev.losslab.data;

import dev.losslab.loss.Losses;
import dev.losslab.nn.Network;
import dev.losslab.train.EpochMetrics;
import dev.losslab.train.Examples;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainerConfig;
import dev.losslab.train.TrainingListener;
import dev.losslab.train.TrainingResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures Fashion-MNIST test accuracy per loss for a 784-128(relu)-10 network, pixels scaled to
 * [0, 1] (Adam, η = 0.001, batch 64, seed 1). Run by hand from the repository root (not a test):
 *
 * <pre>
 *   mvn -q -pl losslab-core,losslab-text install -DskipTests &amp;&amp; mvn -q -pl losslab-cli test-compile
 *   java -cp losslab-cli/target/test-classes:losslab-cli/target/classes:losslab-core/target/classes \
 *       dev.losslab.data.FashionMnistLosses [DIR] [EPOCHS] [LOSS ...]
 * </pre>
 *
 * <p>Prints one line per epoch and a summary line per loss: the loss, test accuracy, final training
 * loss and the mean seconds per epoch, wall-clock and CPU time of the training thread (on a shared
 * machine the wall time mostly measures the other processes).
 */
public final class FashionMnistLosses {
  private FashionMnistLosses() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/fashion-mnist");
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String[] losses = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length)
        : new String[] {"cross-entropy", "mse", "softmax-mse", "exp-mse", "mae", "focal", "hinge",
            "squared-hinge", "kl-divergence"};
    DenseDataset train = Scaling.divide(IdxReader.readDirectory(dir, "train"), 255);
    DenseDataset test = Scaling.divide(IdxReader.readDirectory(dir, "t10k"), 255);
    Examples trainExamples = train.examples();
    System.out.printf(Locale.ROOT, "%s %d × %d, %s %d × %d%n", train.name(), train.rows(),
        train.columns(), test.name(), test.rows(), test.columns());
    for (String name : losses) {
      Network net = Network.builder(784).dense(128, "relu").output(10).build(1);
      TrainerConfig config = TrainerConfig.defaults()
          .withOptimizer(OptimizerKind.ADAM).withLearningRate(1e-3).withBatchSize(64)
          .withEpochs(epochs).withSeed(1);
      double[] cpu = new double[2]; // [training CPU seconds so far, CPU clock at the end of the last hook]
      cpu[1] = cpuSeconds();
      TrainingListener log = new TrainingListener() {
        @Override
        public void onEpoch(EpochMetrics m, Network n) {
          double epochCpu = cpuSeconds() - cpu[1];
          cpu[0] += epochCpu;
          System.out.printf(Locale.ROOT,
              "  %-14s epoch %d loss %.5f |grad| %.5f %.2fs wall %.2fs cpu acc %.4f%n",
              name, m.epoch(), m.loss(), m.gradientNorm(), m.seconds(), epochCpu, accuracy(n, test));
          cpu[1] = cpuSeconds();
        }
      };
      TrainingResult r;
      try {
        r = new Trainer(config).train(net, Losses.create(name), dataFor(name, train, trainExamples),
            log);
      } catch (RuntimeException e) {
        System.out.printf(Locale.ROOT, "%-14s failed: %s%n", name, e.getMessage());
        continue;
      }
      double perEpoch = r.epochs().stream().mapToDouble(EpochMetrics::seconds).average().orElse(0);
      System.out.printf(Locale.ROOT,
          "%-14s test accuracy %.4f  train loss %.5f  %.2f s/epoch wall, %.2f s/epoch CPU%n",
          name, accuracy(net, test), r.last().loss(), perEpoch, cpu[0] / r.epochs().size());
    }
  }

  /** Labels for losses that take labels, one-hot rows for those that need dense targets. */
  static Examples dataFor(String loss, DenseDataset train, Examples labelled) {
    try {
      Losses.create(loss).validate(labelled.target(), labelled.rows(), train.classes());
      return labelled;
    } catch (IllegalArgumentException needsDense) {
      double[] oneHot = new double[train.rows() * train.classes()];
      for (int i = 0; i < train.rows(); i++) {
        oneHot[i * train.classes() + train.labels()[i]] = 1.0;
      }
      return Examples.dense(train.features(), train.rows(), train.columns(), oneHot,
          train.classes());
    }
  }

  /** CPU time of this thread: on a shared machine, wall time mostly measures the other processes. */
  static double cpuSeconds() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
  }

  static double accuracy(Network net, DenseDataset data) {
    int[] p = net.predict(data.features(), data.rows());
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == data.labels()[i]) {
        correct++;
      }
    }
    return (double) correct / p.length;
  }
}
