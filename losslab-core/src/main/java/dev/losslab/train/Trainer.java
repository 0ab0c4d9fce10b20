package dev.losslab.train;

import dev.losslab.formula.FormulaDomainException;
import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;
import dev.losslab.nn.Network;
import dev.losslab.nn.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Mini-batch training of a {@link Network} on a {@link Loss}: each epoch shuffles the examples (seeded),
 * and for each batch runs the forward pass, the loss on every example's scores, the backward pass, and
 * one {@link Optimizer} step on the {@link Objective}'s gradient; then it reports the epoch to the
 * {@link TrainingListener} and asks the {@link StoppingRule} whether to stop.
 *
 * <pre>{@code
 * Network net = Network.builder(784).dense(128, "relu").output(10).build(1);
 * TrainingResult r = new Trainer(TrainerConfig.defaults().withEpochs(5))
 *     .train(net, Losses.create("cross-entropy"), train, listener);
 * }</pre>
 *
 * <p>Single-threaded and deterministic: the same network, data, loss and config give bit-identical
 * parameters. One workspace and one gradient buffer are allocated per run, nothing per example.
 *
 * <p>A non-finite objective (an overflowing loss, a learning rate too large) stops the run with a
 * {@link TrainingDivergedException} naming the epoch and batch, before the bad step is applied.
 */
public final class Trainer {
  private final TrainerConfig config;

  /** A trainer that runs {@code config}. */
  public Trainer(TrainerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The configuration this trainer runs. */
  public TrainerConfig config() {
    return config;
  }

  /**
   * Trains {@code network} in place on {@code data}.
   *
   * @throws IllegalArgumentException if the data does not fit the network or the loss (see
   *     {@link Objective#validate}) or is empty
   * @throws TrainingDivergedException if the objective becomes NaN or infinite, or a formula loss
   *     throws its {@link FormulaDomainException} (the message is kept)
   */
  public TrainingResult train(Network network, Loss loss, Examples data, TrainingListener listener) {
    Objects.requireNonNull(listener, "listener");
    Objective objective = new Objective(network, loss, config.weightDecay());
    objective.validate(data);
    int n = data.rows();
    if (n == 0) {
      throw new IllegalArgumentException("no training examples");
    }
    long runStart = System.nanoTime();
    int d = data.columns();
    int k = network.outputs();
    int batchSize = Math.min(config.batchSize(), n);
    double[] theta = network.parameters();
    Workspace ws = network.workspace(batchSize);
    double[] x = new double[batchSize * d];
    double[] grad = new double[theta.length];
    double[] epochGrad = config.fullPassMetrics() ? null : new double[theta.length];
    double[] losses = new double[batchSize];
    float[] features = data.features();
    Target target = data.target();
    Optimizer optimizer = config.optimizer().create(theta.length, config);
    SplittableRandom random = new SplittableRandom(config.seed());
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Batch view = new Batch();
    view.k = k;
    view.order = order;
    view.losses = losses;
    view.target = target;
    view.network = network;

    List<EpochMetrics> history = new ArrayList<>();
    EpochMetrics previous = null;
    StopReason reason = StopReason.EPOCHS;
    long steps = 0;
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long epochStart = System.nanoTime();
      shuffle(order, random);
      double lossSum = 0;
      double weightSum = 0;
      if (epochGrad != null) {
        Arrays.fill(epochGrad, 0.0);
      }
      int batchIndex = 0;
      for (int start = 0; start < n; start += batchSize, batchIndex++) {
        int rows = Math.min(batchSize, n - start);
        for (int r = 0; r < rows; r++) {
          int src = order[start + r] * d;
          int dst = r * d;
          for (int c = 0; c < d; c++) {
            x[dst + c] = features[src + c];
          }
        }
        // forward: scores, then each example's loss and ∂loss/∂s (kept unscaled in the workspace)
        double[] s = network.forward(ws, x, rows);
        double[] g = ws.scoreGradient();
        double batchLoss = 0;
        double batchWeight = 0;
        try {
          for (int r = 0; r < rows; r++) {
            int row = order[start + r];
            double v = loss.evaluate(s, r * k, k, target, row, g, r * k);
            losses[r] = v;
            batchLoss += v;
            batchWeight += loss.meanWeight(target, row, k);
          }
        } catch (FormulaDomainException e) {
          // a formula loss says where it became non-finite rather than returning NaN
          throw diverged(e, epoch, batchIndex);
        }
        if (!Double.isFinite(batchLoss)) {
          throw new TrainingDivergedException(
              "training diverged: the " + loss.name() + " loss is " + batchLoss + " in epoch " + epoch
                  + ", batch " + batchIndex + " (learning rate " + config.learningRate()
                  + "); try a smaller learning rate",
              epoch, batchIndex);
        }
        // backward: ∂J/∂θ = backprop(Σ ∂loss/∂s) / Σ m  +  λ·w
        Arrays.fill(grad, 0.0);
        network.backward(ws, grad);
        objective.finishGradient(grad, batchWeight == 0 ? 0.0 : 1.0 / batchWeight);
        lossSum += batchLoss;
        weightSum += batchWeight;
        if (epochGrad != null) {
          for (int e = 0; e < grad.length; e++) {
            epochGrad[e] += rows * grad[e];
          }
        }
        view.epoch = epoch;
        view.index = batchIndex;
        view.rows = rows;
        view.start = start;
        view.scores = s;
        view.scoreGradient = g;
        listener.onBatch(view);
        optimizer.step(theta, grad);
        steps++;
      }
      double seconds = (System.nanoTime() - epochStart) / 1e9;
      EpochMetrics metrics;
      if (config.fullPassMetrics()) {
        double j;
        try {
          j = objective.valueAndGradient(data, grad);
        } catch (FormulaDomainException e) {
          throw diverged(e, epoch, -1);
        }
        if (!Double.isFinite(j)) {
          throw new TrainingDivergedException(
              "training diverged: the objective is " + j + " after epoch " + epoch
                  + " (learning rate " + config.learningRate() + "); try a smaller learning rate",
              epoch, -1);
        }
        metrics = new EpochMetrics(epoch, j, j - objective.regularization(), norm(grad, 1.0), steps,
            seconds, true);
      } else {
        double dataLoss = weightSum == 0 ? 0.0 : lossSum / weightSum;
        metrics = new EpochMetrics(epoch, dataLoss + objective.regularization(), dataLoss,
            norm(epochGrad, 1.0 / n), steps, seconds, false);
      }
      history.add(metrics);
      listener.onEpoch(metrics, network);
      if (config.stopping().shouldStop(metrics, previous)) {
        reason = config.stopping().reason();
        break;
      }
      previous = metrics;
    }
    return new TrainingResult(network, history, reason, (System.nanoTime() - runStart) / 1e9);
  }

  /** Fisher–Yates shuffle. */
  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code ‖scale·v‖₂}. */
  private static double norm(double[] v, double scale) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return Math.sqrt(s) * Math.abs(scale);
  }

  private TrainingDivergedException diverged(FormulaDomainException e, int epoch, int batch) {
    TrainingDivergedException d = new TrainingDivergedException("training diverged: " + e.getMessage()
        + ", in epoch " + epoch + (batch < 0 ? "" : ", batch " + batch) + " (learning rate "
        + config.learningRate() + "); try a smaller learning rate", epoch, batch);
    d.initCause(e);
    return d;
  }
}
