package dev.losslab.experiment;

import dev.losslab.text.Args;
import dev.losslab.text.Corpus;
import dev.losslab.text.Head;
import dev.losslab.text.Heads;
import dev.losslab.text.Meter;
import dev.losslab.text.Model;
import dev.losslab.text.Predictions;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.Trainer;
import dev.losslab.text.TrainingDiverged;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the fastText-compatible text classifier ({@code s = B·A·x}) with one core loss and one seed
 * and records after every epoch: the mean training loss the trainer reports, test precision and recall
 * at 1 (P@1 and R@1, which differ on multi-label lines), and, on up to {@code sample} single-label
 * training lines, the {@link GradientDiagnostics} and the norm of the mean gradient with respect to the
 * output matrix B ({@code (1/n) Σ ∂L/∂s ⊗ h}). The text trainer does not expose the gradient of all
 * parameters, so that is the gradient norm reported for text. One thread, so a seed gives one model.
 */
public final class TextRun {
  private TextRun() {}

  /**
   * @param base the classifier's arguments (dimension, n-grams, learning rate, epochs); the loss and
   *     seed are set here
   */
  public static RunResult run(LossChoice choice, long seed, Args base, TextData data, int sample,
      double stallThreshold) {
    if (choice.smoothing() > 0) {
      throw new IllegalArgumentException("loss '" + choice.label()
          + "': smoothing= is available for dense data only; the text classifier builds its own targets");
    }
    Args.Builder ab = base.toBuilder().loss(choice.name()).seed(seed).thread(1);
    choice.options().forEach(ab::lossOption);
    Args args = ab.build();
    Head head = Heads.create(args, data.train().dictionary().labelCounts());
    int k = data.train().dictionary().nlabels();
    Sample s = Sample.of(data.train().corpus(), sample);
    LabelProbe probe = new LabelProbe(choice.create(), k);
    List<EpochRecord> epochs = new ArrayList<>();
    long[] last = {System.nanoTime()};
    Trainer.Listener listener = new Trainer.Listener() {
      @Override
      public boolean epochEnd(Trainer.Status st, TextClassifier current) {
        double secs = (System.nanoTime() - last[0]) / 1e9;
        Meter m = current.test(data.testCorpus(), 1, 0f, current.workspace(), new Predictions(k));
        double[] scores = s.scores(current.model(), k);
        double gradNorm = s.outputGradientNorm(current.model(), probe, scores, k);
        GradientDiagnostics d = GradientDiagnostics.measure(probe, scores, s.rows(), k, s.labels(),
            stallThreshold);
        epochs.add(new EpochRecord(st.epoch(), st.loss(), m.precision(), gradNorm, d, secs,
            m.recall()));
        last[0] = System.nanoTime();
        return true;
      }
    };
    try {
      Trainer.train(args, data.train(), head, listener);
      return new RunResult(choice.label(), seed, epochs, "EPOCHS", null);
    } catch (TrainingDiverged e) {
      return new RunResult(choice.label(), seed, epochs, "DIVERGED", e.getMessage());
    }
  }

  /** Single-label training lines used for the diagnostics: their hidden vectors' inputs and labels. */
  record Sample(Corpus corpus, int[] lines, int[] labels) {
    static Sample of(Corpus c, int max) {
      List<Integer> picked = new ArrayList<>();
      int[] ls = c.labelStart();
      for (int i = 0; i < c.lines() && picked.size() < max; i++) {
        if (ls[i + 1] - ls[i] == 1) {
          picked.add(i);
        }
      }
      int[] lines = picked.stream().mapToInt(Integer::intValue).toArray();
      int[] labels = new int[lines.length];
      for (int i = 0; i < lines.length; i++) {
        labels[i] = c.labels()[ls[lines[i]]];
      }
      return new Sample(c, lines, labels);
    }

    int rows() {
      return lines.length;
    }

    /** Scores s = B·h of each sampled line, row-major. */
    double[] scores(Model m, int k) {
      int dim = m.dim();
      float[] h = new float[dim];
      Corpus.Rows rows = corpus.rows();
      float[] b = m.output();
      double[] s = new double[lines.length * k];
      for (int i = 0; i < lines.length; i++) {
        Corpus.Rows r = rows.line(lines[i]);
        m.hidden(r.array(), r.from(), r.to(), h);
        for (int j = 0; j < k; j++) {
          double v = 0;
          for (int d = 0; d < dim; d++) {
            v += (double) b[j * dim + d] * h[d];
          }
          s[i * k + j] = v;
        }
      }
      return s;
    }

    /** ‖(1/n) Σ_i ∂L/∂s_i ⊗ h_i‖₂, the norm of the mean gradient with respect to B. */
    double outputGradientNorm(Model m, LabelProbe probe, double[] scores, int k) {
      int dim = m.dim();
      float[] h = new float[dim];
      Corpus.Rows rows = corpus.rows();
      double[] g = new double[k];
      double[] acc = new double[k * dim];
      for (int i = 0; i < lines.length; i++) {
        Corpus.Rows r = rows.line(lines[i]);
        m.hidden(r.array(), r.from(), r.to(), h);
        probe.evaluate(scores, i * k, labels[i], g);
        for (int j = 0; j < k; j++) {
          for (int d = 0; d < dim; d++) {
            acc[j * dim + d] += g[j] * h[d];
          }
        }
      }
      double ss = 0;
      for (double v : acc) {
        double x = v / Math.max(1, lines.length);
        ss += x * x;
      }
      return Math.sqrt(ss);
    }
  }
}
