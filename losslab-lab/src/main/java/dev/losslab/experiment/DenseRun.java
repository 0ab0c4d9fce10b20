package dev.losslab.experiment;

import dev.losslab.data.DenseDataset;
import dev.losslab.loss.Loss;
import dev.losslab.nn.Network;
import dev.losslab.train.EpochMetrics;
import dev.losslab.train.Examples;
import dev.losslab.train.Trainer;
import dev.losslab.train.TrainingDivergedException;
import dev.losslab.train.TrainingListener;
import dev.losslab.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains one network with one loss and one seed on a labelled dense data set and records, after every
 * epoch: the training loss and gradient norm (exact full-pass values from the trainer), the test
 * accuracy, and the {@link GradientDiagnostics} on a fixed sample of the training set. A run whose
 * objective becomes non-finite ends there and is reported as diverged, with the epochs before it.
 */
public final class DenseRun {
  private DenseRun() {}

  /**
   * Runs {@code choice} on {@code train}, evaluating on {@code test}.
   *
   * @param sample how many training examples the diagnostics use (all if fewer)
   * @param stallThreshold see {@link GradientDiagnostics}
   */
  public static RunResult run(LossChoice choice, long seed, ModelSetup setup, DenseDataset train,
      DenseDataset test, int sample, double stallThreshold) {
    return run(choice, seed, setup, train, test, sample, stallThreshold, null);
  }

  /**
   * As {@link #run(LossChoice, long, ModelSetup, DenseDataset, DenseDataset, int, double)}, but
   * training a copy of {@code start} (when not {@code null}) instead of a fresh network, and recording
   * an epoch 0 with the starting point's accuracy and diagnostics.
   */
  public static RunResult run(LossChoice choice, long seed, ModelSetup setup, DenseDataset train,
      DenseDataset test, int sample, double stallThreshold, Network start) {
    int k = train.classes();
    Loss loss = choice.create();
    LabelProbe probe = new LabelProbe(loss, k, choice.smoothing());
    Examples examples = new Examples(train.features(), train.rows(), train.columns(),
        probe.targets(train.labels()));
    Network net = start != null ? start.copy() : setup.network(train.columns(), k, seed);
    Trainer trainer = new Trainer(setup.trainer().withSeed(seed).withFullPassMetrics(true));

    int[] pick = samplePick(train.rows(), sample, seed);
    float[] sx = new float[pick.length * train.columns()];
    int[] sy = new int[pick.length];
    for (int i = 0; i < pick.length; i++) {
      System.arraycopy(train.features(), pick[i] * train.columns(), sx, i * train.columns(),
          train.columns());
      sy[i] = train.labels()[pick[i]];
    }
    List<EpochRecord> epochs = new ArrayList<>();
    if (start != null) {
      double[] scores = net.scores(sx, pick.length);
      GradientDiagnostics d =
          GradientDiagnostics.measure(probe, scores, pick.length, k, sy, stallThreshold);
      epochs.add(new EpochRecord(0, Double.NaN, accuracy(net, test), Double.NaN, d, 0.0));
    }
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onEpoch(EpochMetrics m, Network network) {
        double[] scores = network.scores(sx, pick.length);
        GradientDiagnostics d =
            GradientDiagnostics.measure(probe, scores, pick.length, k, sy, stallThreshold);
        epochs.add(new EpochRecord(m.epoch(), m.dataLoss(), accuracy(network, test), m.gradientNorm(),
            d, m.seconds()));
      }
    };
    try {
      TrainingResult r = trainer.train(net, loss, examples, listener);
      return new RunResult(choice.label(), seed, epochs, r.stopReason().name(), null);
    } catch (TrainingDivergedException e) {
      return new RunResult(choice.label(), seed, epochs, "DIVERGED", e.getMessage());
    }
  }

  /** Fraction of {@code data}'s examples whose arg-max score is the label. */
  public static double accuracy(Network network, DenseDataset data) {
    if (data.rows() == 0) {
      return Double.NaN;
    }
    int[] p = network.predict(data.features(), data.rows());
    int ok = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == data.labels()[i]) {
        ok++;
      }
    }
    return ok / (double) p.length;
  }

  /** {@code min(n, sample)} distinct indices, fixed by {@code seed}, in increasing order. */
  static int[] samplePick(int n, int sample, long seed) {
    int m = Math.min(n, sample);
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < m; i++) {
      int j = i + r.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(idx, m);
    java.util.Arrays.sort(out);
    return out;
  }
}
