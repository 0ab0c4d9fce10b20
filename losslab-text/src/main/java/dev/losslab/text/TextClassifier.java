package dev.losslab.text;

import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A trained classifier: its settings, dictionary, matrices and head. Prediction is thread-safe when each
 * thread uses its own {@link Workspace}, {@link LineEncoder} and {@link Predictions}.
 */
public final class TextClassifier {
  private final Args args;
  private final Dictionary dictionary;
  private final Model model;
  private final Head head;

  public TextClassifier(Args args, Dictionary dictionary, Model model, Head head) {
    if (model.outputRows() != dictionary.nlabels()) {
      throw new IllegalArgumentException(
          "output matrix has " + model.outputRows() + " rows for " + dictionary.nlabels() + " labels");
    }
    if (model.inputRows() != dictionary.inputRows()) {
      throw new IllegalArgumentException(
          "input matrix has " + model.inputRows() + " rows, the dictionary needs "
              + dictionary.inputRows() + " (" + dictionary.nwords() + " words + "
              + dictionary.bucket() + " buckets)");
    }
    this.args = args;
    this.dictionary = dictionary;
    this.model = model;
    this.head = head;
  }

  public Args args() { return args; }
  public Dictionary dictionary() { return dictionary; }
  public Model model() { return model; }
  public Head head() { return head; }

  /** Scratch for one predicting thread. */
  public Workspace workspace() {
    return new Workspace(model.dim(), model.outputRows(), args.seed());
  }

  /**
   * Predicts the line just read by {@code enc}; an empty input gives no predictions.
   *
   * @param k how many labels; -1 for all
   */
  public void predict(LineEncoder enc, Workspace ws, int k, float threshold, Predictions out) {
    int kk = k < 0 ? model.outputRows() : Math.min(k, model.outputRows());
    IntList w = enc.words();
    if (w.size() == 0) {
      out.reset(kk);
      return;
    }
    model.hidden(w.array(), 0, w.size(), ws.hidden);
    head.predict(model, ws, kk, threshold, out);
  }

  /**
   * fastText's {@code test}: every line with at least one known label and one input row is predicted
   * and logged.
   *
   * @param unknownLabels told the line number and label of each line with a label training never saw
   */
  public Meter test(InputStream in, String name, int k, float threshold,
      Consumer<LineEncoder> unknownLabels) {
    Meter meter = new Meter(dictionary.nlabels());
    Workspace ws = workspace();
    Predictions p = new Predictions(dictionary.nlabels());
    LineEncoder enc = new LineEncoder(dictionary);
    try (TokenReader r = new TokenReader(in, name)) {
      while (enc.read(r) > 0) {
        if (enc.unknownLabels() > 0 && unknownLabels != null) {
          unknownLabels.accept(enc);
        }
        if (enc.labels().size() == 0 || enc.words().size() == 0) {
          continue;
        }
        predict(enc, ws, k, threshold, p);
        meter.log(enc.labels().array(), 0, enc.labels().size(), p);
      }
    }
    return meter;
  }

  /** The meter over an encoded corpus (validation during training). */
  public Meter test(Corpus c, int k, float threshold, Workspace ws, Predictions p) {
    Meter meter = new Meter(dictionary.nlabels());
    int kk = k < 0 ? model.outputRows() : Math.min(k, model.outputRows());
    Corpus.Rows rows = c.rows();
    int[] ls = c.labelStart();
    for (int i = 0; i < c.lines(); i++) {
      rows.line(i);
      model.hidden(rows.array(), rows.from(), rows.to(), ws.hidden);
      head.predict(model, ws, kk, threshold, p);
      meter.log(c.labels(), ls[i], ls[i + 1], p);
    }
    return meter;
  }
}
