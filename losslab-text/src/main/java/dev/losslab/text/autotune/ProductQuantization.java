package dev.losslab.text.autotune;

import dev.losslab.text.Dictionary;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.Predictions;
import dev.losslab.text.QuantizeOptions;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.TrainingData;
import dev.losslab.text.Workspace;
import dev.losslab.text.format.PruneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The {@link Quantizer} of {@code -autotune-modelsize}, over the product quantizer
 * ({@link dev.losslab.text.Quantizer}): each trial is quantized as {@code fasttext quantize -cutoff N
 * -dsub D -qnorm -retrain [-qout]} would quantize it, and saved as a {@code .ftz} by
 * {@link ModelFiles#save}.
 *
 * <p><b>Rows.</b> The validation lines are encoded with the unquantized dictionary; the quantized
 * model reads a line with its pruned one. The predictors map the first to the second as reading the
 * line again would: a word the cutoff dropped adds no row (its character n-grams, which it shares
 * with the out-of-vocabulary spelling, keep theirs), a kept word gets its new id, and bucket {@code b}
 * becomes row {@code nwords + pruneidx[b]}, or nothing when it was pruned (fastText's
 * {@code pushHash}). A line left with no row gets no prediction, as {@link TextClassifier#predict}
 * gives; fastText's {@code test} would skip it, so its gold labels count towards recall here and not
 * there (precision, and so P@k, is the same).
 *
 * <p>Stateless and thread-safe; the quantized models it returns are immutable.
 */
public final class ProductQuantization implements Quantizer {

  @Override
  public Quantized quantize(TextClassifier model, TrainingData.Source train, String name,
      Settings s) {
    QuantizeOptions options = new QuantizeOptions(s.cutoff(), s.qnorm(), s.qout(), s.dsub(),
        s.retrain(), s.epoch(), s.lr(), s.thread());
    TextClassifier q = dev.losslab.text.Quantizer.quantize(model, options, train, name, null);
    return new Result(q, RowMap.of(model.dictionary(), q.dictionary()));
  }

  /** A quantized trial and the map from the unquantized dictionary's rows to its own. */
  private record Result(TextClassifier model, RowMap rows) implements Quantized {
    @Override
    public Supplier<LinePredictor> predictors() {
      return () -> new Mapped(model, rows);
    }

    @Override
    public void save(Path ftz) throws IOException {
      ModelFiles.save(model, ftz);
    }
  }

  /**
   * Old rows to new: {@code words[w]} for word {@code w} (−1: dropped), then bucket rows through
   * {@code prune} (null: every bucket kept, row {@code newWords + b}).
   */
  record RowMap(int oldWords, int[] words, int newWords, PruneIndex prune) {
    static RowMap of(Dictionary from, Dictionary to) {
      int[] words = new int[from.nwords()];
      for (int w = 0; w < words.length; w++) {
        byte[] b = from.wordBytes(w);
        int id = to.find(b, 0, b.length);
        words[w] = id >= 0 && id < to.nwords() ? id : -1;
      }
      return new RowMap(from.nwords(), words, to.nwords(), to.pruneIndex().orElse(null));
    }

    /** The new row of old row {@code r}, or −1 when the quantized model has none. */
    int map(int r) {
      if (r < oldWords) {
        return words[r];
      }
      int b = r - oldWords;
      if (prune == null) {
        return newWords + b;
      }
      int row = prune.rowOf(b);
      return row < 0 ? -1 : newWords + row;
    }
  }

  /** One thread's predictor: maps a line's rows into its own buffer, then predicts. */
  private static final class Mapped implements LinePredictor {
    final TextClassifier model;
    final RowMap map;
    final Workspace ws;
    int[] rows = new int[64];

    Mapped(TextClassifier model, RowMap map) {
      this.model = model;
      this.map = map;
      this.ws = model.workspace();
    }

    @Override
    public void predict(int[] line, int from, int to, int k, Predictions out) {
      if (rows.length < to - from) {
        rows = new int[Math.max(to - from, 2 * rows.length)];
      }
      int n = 0;
      for (int i = from; i < to; i++) {
        int r = map.map(line[i]);
        if (r >= 0) {
          rows[n++] = r;
        }
      }
      if (n == 0) {
        out.reset(k < 0 ? model.model().outputRows() : Math.min(k, model.model().outputRows()));
        return;
      }
      model.model().hidden(rows, 0, n, ws.hidden());
      model.head().predict(model.model(), ws, k, 0f, out);
    }
  }
}
