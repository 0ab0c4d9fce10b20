package dev.losslab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.text.format.Codebook;
import dev.losslab.text.format.PruneIndex;
import dev.losslab.text.format.QuantizedMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Quantizer} and {@link ProductQuantizer} on small models trained here, with no external tool:
 * what the codes mean, what the cutoff keeps, that a {@code .ftz} written here reads back to the same
 * model, and the errors. The codes fastText gives the same matrix are checked against fastText itself
 * in {@code format.FastTextInteropTest}.
 */
class QuantizerTest {
  @TempDir Path dir;

  private static final String TRAIN = Fixtures.text("train.txt");
  private static final String TEST = Fixtures.text("test.txt");

  /** A bigram model of 4 labels: nwords + 1000 bucket rows of dim 8. */
  private static TextClassifier bigrams() {
    Args args = Args.builder().dim(8).wordNgrams(2).bucket(1000).epoch(15).lr(0.5).thread(1).seed(5)
        .build();
    TrainingData d = Fixtures.read(TRAIN, args);
    return Trainer.train(args, d, Heads.create(args, d.dictionary().labelCounts()), null);
  }

  /** A unigram model with 300 labels (enough for {@code -qout}) and more than 256 words. */
  private static TextClassifier manyLabels() {
    StringBuilder b = new StringBuilder();
    for (int rep = 0; rep < 3; rep++) {
      for (int i = 0; i < 300; i++) {
        b.append("__label__l").append(i).append(" w").append(i).append(" w").append((i + 1) % 300)
            .append(" common").append(i % 7).append('\n');
      }
    }
    Args args = Args.builder().dim(6).epoch(40).lr(1.0).thread(1).seed(2).build();
    TrainingData d = Fixtures.read(b.toString(), args);
    return Trainer.train(args, d, Heads.create(args, d.dictionary().labelCounts()), null);
  }

  /** Top-3 labels and probabilities of every line of {@code text}. */
  private static List<String> predictions(TextClassifier c, String text) {
    List<String> out = new ArrayList<>();
    Workspace ws = c.workspace();
    Predictions p = new Predictions(c.dictionary().nlabels());
    LineEncoder enc = new LineEncoder(c.dictionary());
    try (TokenReader r = new TokenReader(Fixtures.stream(text), "test.txt")) {
      while (enc.read(r) > 0) {
        c.predict(enc, ws, 3, 0f, p);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
          s.append(c.dictionary().word(c.dictionary().nwords() + p.label(i))).append(' ')
              .append(p.probability(i)).append(' ');
        }
        out.add(s.toString());
      }
    }
    return out;
  }

  private static double precision(TextClassifier c) {
    return c.test(Fixtures.stream(TEST), "test.txt", 1, 0f, null).precision();
  }

  @Test
  void everyCodeNamesTheNearestCentroidAndTheModelStillClassifies() {
    TextClassifier dense = bigrams();
    TextClassifier q = Quantizer.quantize(dense, QuantizeOptions.defaults().withThread(1));
    Model m = dense.model();
    QuantizedMatrix a = q.model().quantizedInput();
    Codebook book = a.codebook();
    assertThat(book.nsubq()).isEqualTo(4);
    assertThat(a.rows()).isEqualTo(m.inputRows());
    float[] x = m.input();
    int dim = m.dim();
    double err = 0;
    double energy = 0;
    float[] row = new float[dim];
    for (int i = 0; i < a.rows(); i++) {
      for (int s = 0; s < book.nsubq(); s++) {
        int code = a.codes()[i * book.nsubq() + s] & 0xFF;
        double best = Double.MAX_VALUE;
        for (int c = 0; c < Codebook.CENTROIDS; c++) {
          best = Math.min(best, distance(x, i * dim + s * 2, book.centroids(), book.offset(s, c)));
        }
        assertThat(distance(x, i * dim + s * 2, book.centroids(), book.offset(s, code)))
            .as("row %d sub-vector %d", i, s).isEqualTo(best);
      }
      a.row(i, row);
      for (int j = 0; j < dim; j++) {
        double v = x[i * dim + j];
        err += (v - row[j]) * (v - row[j]);
        energy += v * v;
      }
    }
    assertThat(err / energy).as("relative squared error of the 256-centroid codes").isLessThan(0.05);
    assertThat(q.model().quantizedOutput()).isNull();
    assertThat(precision(q)).isGreaterThan(precision(dense) - 0.05).isGreaterThan(0.5);
    assertThat(dense.model().isQuantized()).as("the dense model is left as it was").isFalse();
  }

  private static double distance(float[] x, int xo, float[] c, int co) {
    float d0 = x[xo] - c[co];
    float d1 = x[xo + 1] - c[co + 1];
    return d0 * d0 + d1 * d1;
  }

  @Test
  void theCodesDoNotDependOnTheThreadCount() {
    TextClassifier dense = bigrams();
    QuantizeOptions o = QuantizeOptions.defaults().withQnorm(true).withDsub(3);
    QuantizedMatrix one = Quantizer.quantize(dense, o.withThread(1)).model().quantizedInput();
    QuantizedMatrix three = Quantizer.quantize(dense, o.withThread(3)).model().quantizedInput();
    assertThat(three.codes()).isEqualTo(one.codes());
    assertThat(three.codebook().centroids()).isEqualTo(one.codebook().centroids());
    assertThat(three.normCodes()).isEqualTo(one.normCodes());
    assertThat(one.codebook().lastdsub()).isEqualTo(2); // dim 8 = 3 + 3 + 2
  }

  @Test
  void qnormStoresEachRowsNormApart() {
    TextClassifier dense = bigrams();
    QuantizedMatrix a = Quantizer.quantize(dense, QuantizeOptions.defaults().withQnorm(true)
        .withThread(1)).model().quantizedInput();
    assertThat(a.qnorm()).isTrue();
    float[] x = dense.model().input();
    int dim = dense.model().dim();
    float[] nc = a.normCodebook().centroids();
    for (int i = 0; i < a.rows(); i++) {
      float norm = ProductQuantizer.l2Norm(x, i * dim, dim);
      float best = Float.MAX_VALUE;
      for (float c : nc) {
        best = Math.min(best, (norm - c) * (norm - c));
      }
      float got = norm - a.norm(i);
      assertThat(got * got).as("row %d's norm code is its nearest norm centroid", i).isEqualTo(best);
    }
  }

  @Test
  void cutoffKeepsEosAndTheRowsOfLargestNorm() {
    TextClassifier dense = bigrams();
    int cutoff = 300;
    TextClassifier q = Quantizer.quantize(dense, QuantizeOptions.defaults().withCutoff(cutoff)
        .withThread(1));
    Dictionary d = dense.dictionary();
    Dictionary p = q.dictionary();
    PruneIndex prune = p.pruneIndex().orElseThrow();
    assertThat(p.nwords() + prune.size()).isEqualTo(cutoff);
    assertThat(q.model().inputRows()).isEqualTo(cutoff);
    assertThat(p.word(p.eosId())).isEqualTo("</s>");
    assertThat(p.nlabels()).isEqualTo(d.nlabels());
    // Kept words keep their order; the smallest kept norm is at least the largest dropped one.
    Model m = dense.model();
    float[] norms = new float[m.inputRows()];
    for (int i = 0; i < norms.length; i++) {
      norms[i] = ProductQuantizer.l2Norm(m.input(), i * m.dim(), m.dim());
    }
    boolean[] kept = new boolean[norms.length];
    int last = -1;
    for (int w = 0; w < p.nwords(); w++) {
      int old = d.find(p.word(w));
      assertThat(old).isGreaterThan(last);
      last = old;
      kept[old] = true;
    }
    for (int i = 0; i < prune.size(); i++) {
      kept[d.nwords() + prune.bucket(i)] = true;
    }
    float minKept = Float.MAX_VALUE;
    float maxDropped = 0;
    for (int i = 0; i < norms.length; i++) {
      if (i == d.eosId()) {
        continue;
      }
      if (kept[i]) {
        minKept = Math.min(minKept, norms[i]);
      } else {
        maxDropped = Math.max(maxDropped, norms[i]);
      }
    }
    assertThat(minKept).isGreaterThanOrEqualTo(maxDropped);
    // A line's rows stay inside the pruned matrix: pruned n-grams are dropped, kept ones remapped.
    LineEncoder enc = new LineEncoder(p);
    try (TokenReader r = new TokenReader(Fixtures.stream(TEST), "test.txt")) {
      while (enc.read(r) > 0) {
        for (int i = 0; i < enc.words().size(); i++) {
          assertThat(enc.words().get(i)).isBetween(0, cutoff - 1);
        }
      }
    }
    assertThat(precision(q)).isGreaterThan(0.5);
  }

  @Test
  void retrainingFineTunesThePrunedModelAndNeedsTheData() {
    TextClassifier dense = bigrams();
    QuantizeOptions o = QuantizeOptions.defaults().withCutoff(300).withRetrain(true).withEpoch(3)
        .withLr(0.1).withThread(1);
    assertThatThrownBy(() -> Quantizer.quantize(dense, o))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-retrain needs the training data");
    TextClassifier plain = Quantizer.quantize(dense, o.withRetrain(false));
    TextClassifier retrained = Quantizer.quantize(dense, o, Fixtures.source(TRAIN), "train.txt", null);
    assertThat(retrained.args().epoch()).isEqualTo(3);
    assertThat(retrained.model().quantizedInput().codes())
        .isNotEqualTo(plain.model().quantizedInput().codes());
    assertThat(retrained.dictionary().pruneIndex().orElseThrow().size())
        .isEqualTo(plain.dictionary().pruneIndex().orElseThrow().size());
    assertThat(precision(retrained)).isGreaterThan(0.5);
    assertThatThrownBy(() -> Quantizer.quantize(dense, o, Fixtures.source("__label__nope x\n"),
        "other.txt", null)).hasMessageContaining("other.txt: no line has a label of the model");
    // Without a cutoff there is nothing to retrain, as in fastText; no data is needed.
    assertThat(Quantizer.quantize(dense, o.withCutoff(0)).dictionary().pruneIndex()).isEmpty();
  }

  @Test
  void aReleasedModelsFullInputMatrixCanBeCollectedBeforeRetraining() {
    QuantizeOptions o = QuantizeOptions.defaults().withCutoff(300).withRetrain(true).withEpoch(2)
        .withLr(0.1).withThread(1);
    TextClassifier kept = bigrams();
    TextClassifier same = Quantizer.quantize(kept, o, Fixtures.source(TRAIN), "train.txt", null);
    java.util.concurrent.atomic.AtomicReference<TextClassifier> holder =
        new java.util.concurrent.atomic.AtomicReference<>(bigrams());
    java.lang.ref.WeakReference<float[]> fullA =
        new java.lang.ref.WeakReference<>(holder.get().model().input());
    boolean[] collected = new boolean[1];
    java.util.List<String> heard = new java.util.ArrayList<>();
    TextClassifier q = Quantizer.quantizeReleasing(holder, o, Fixtures.source(TRAIN), "train.txt",
        new Quantizer.Listener() {
          @Override
          public void pruned() {
            heard.add("pruned");
          }

          @Override
          public boolean epochEnd(Trainer.Status s, TextClassifier current) {
            heard.add("epoch " + s.epoch());
            System.gc(); // a full collection clears the reference once nothing else holds the matrix
            collected[0] = fullA.get() == null;
            return true;
          }
        });
    assertThat(heard).containsExactly("pruned", "epoch 1", "epoch 2");
    assertThat(holder.get()).isNull();
    assertThat(collected[0]).as("the full A was collected during the retraining").isTrue();
    // the same quantized model as from a model the caller keeps
    assertThat(q.model().quantizedInput().codes()).isEqualTo(same.model().quantizedInput().codes());
    assertThat(kept.model().input()).hasSize(kept.model().inputRows() * kept.model().dim());
  }

  @Test
  void aFtzWrittenHereReadsBackToTheSameModel() throws IOException {
    TextClassifier dense = bigrams();
    TextClassifier q = Quantizer.quantize(dense, QuantizeOptions.defaults().withCutoff(300)
        .withQnorm(true).withThread(1));
    Path f = dir.resolve("m.ftz");
    ModelFiles.save(q, f);
    TextClassifier back = ModelFiles.load(f);
    assertThat(back.model().isQuantized()).isTrue();
    assertThat(predictions(back, TEST)).isEqualTo(predictions(q, TEST));
    Path again = dir.resolve("again.ftz");
    ModelFiles.save(back, again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(f));
    assertThat(Files.size(f)).isLessThan(Files.size(writeDense(dense)) / 2);
    assertThatThrownBy(() -> back.model().update(new int[] {0}, 0, 1, new int[] {0}, 0, 1, 0.1f,
        back.head(), back.workspace())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be trained");
    assertThatThrownBy(() -> Quantizer.quantize(back, QuantizeOptions.defaults()))
        .hasMessageContaining("already quantized");
  }

  private Path writeDense(TextClassifier c) throws IOException {
    Path f = dir.resolve("dense.bin");
    ModelFiles.save(c, f);
    return f;
  }

  @Test
  void aCoreLossModelKeepsItsLossThroughTheFtzAndItsSidecar() throws IOException {
    Args args = Args.builder().dim(8).wordNgrams(2).bucket(1000).epoch(15).lr(0.5).thread(1).seed(5)
        .loss("focal").lossOption("gamma", 2.0).build();
    TrainingData d = Fixtures.read(TRAIN, args);
    TextClassifier dense = Trainer.train(args, d, Heads.create(args, d.dictionary().labelCounts()), null);
    TextClassifier q = Quantizer.quantize(dense, QuantizeOptions.defaults().withQnorm(true)
        .withCutoff(400).withRetrain(true).withEpoch(2).withThread(1), Fixtures.source(TRAIN),
        "train.txt", null);
    Path f = dir.resolve("focal.ftz");
    ModelFiles.save(q, f);
    TextClassifier back = ModelFiles.load(f);
    assertThat(back.args().loss()).isEqualTo("focal");
    assertThat(predictions(back, TEST)).isEqualTo(predictions(q, TEST));
    assertThat(precision(back)).isGreaterThan(0.5);
  }

  @Test
  void qoutQuantizesTheOutputMatrixWithDsubTwo() throws IOException {
    TextClassifier dense = manyLabels();
    TextClassifier q = Quantizer.quantize(dense, QuantizeOptions.defaults().withQout(true)
        .withQnorm(true).withDsub(3).withThread(2));
    QuantizedMatrix b = q.model().quantizedOutput();
    assertThat(b).isNotNull();
    assertThat(b.rows()).isEqualTo(300);
    assertThat(b.codebook().dsub()).isEqualTo(2);
    assertThat(b.qnorm()).isTrue();
    assertThat(q.model().quantizedInput().codebook().dsub()).isEqualTo(3);
    String lines = "w3 w4 common3\nw10 w11 common3\nw299 w0\nnothing known\n";
    Path f = dir.resolve("qout.ftz");
    ModelFiles.save(q, f);
    TextClassifier back = ModelFiles.load(f);
    assertThat(back.model().quantizedOutput()).isNotNull();
    assertThat(predictions(back, lines)).isEqualTo(predictions(q, lines));
    assertThat(predictions(dense, "w3 w4 common3\n").get(0)).startsWith("__label__l3 ");
    assertThat(predictions(q, "w3 w4 common3\n").get(0)).startsWith("__label__l3 ");
  }

  @Test
  void tooSmallMatricesAndBadOptionsAreRefusedWithTheNumbers() {
    Args args = Args.builder().dim(4).epoch(1).thread(1).build();
    TrainingData d = Fixtures.read(TRAIN, args);
    TextClassifier small = Trainer.train(args, d, Heads.create(args, d.dictionary().labelCounts()), null);
    assertThatThrownBy(() -> Quantizer.quantize(small, QuantizeOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the input matrix has " + small.model().inputRows()
            + " rows; product quantization needs at least 256");
    assertThatThrownBy(() -> Quantizer.quantize(bigrams(), QuantizeOptions.defaults().withQout(true)))
        .hasMessageContaining("-qout: the output matrix has 4 rows (labels)");
    assertThatThrownBy(() -> Quantizer.quantize(bigrams(), QuantizeOptions.defaults().withCutoff(200)
        .withRetrain(true), Fixtures.source(TRAIN), "train.txt", null))
        .hasMessage("-cutoff (200) keeps fewer rows than product quantization needs (256)");
    assertThatThrownBy(() -> QuantizeOptions.defaults().withDsub(0)).hasMessage("-dsub (0) must be >= 1");
    assertThatThrownBy(() -> QuantizeOptions.defaults().withCutoff(-1))
        .hasMessage("-cutoff (-1) must be >= 0");
    assertThatThrownBy(() -> QuantizeOptions.defaults().withLr(Double.NaN))
        .hasMessage("-lr (NaN) must be > 0 and finite");
  }
}
