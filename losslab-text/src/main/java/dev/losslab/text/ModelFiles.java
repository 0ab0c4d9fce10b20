package dev.losslab.text;

import dev.losslab.text.format.DictionaryEntries;
import dev.losslab.text.format.FastTextArgs;
import dev.losslab.text.format.FastTextBinary;
import dev.losslab.text.format.FastTextDictionary;
import dev.losslab.text.format.FastTextFile;
import dev.losslab.text.format.FastTextMatrix;
import dev.losslab.text.format.FastTextQuantized;
import dev.losslab.text.format.ModelSidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Saves a {@link TextClassifier} as a fastText {@code .bin} (version 12), or as a {@code .ftz} when its
 * model is quantized, plus the losslab sidecar, and loads either kind, written by losslab or by
 * fastText. The mapping is field for field: the args block from
 * {@link Args} (loss code from the head: a core loss is stored as softmax, or as ova for sigmoid
 * outputs, so fastText ranks labels the same way), the dictionary entries in model order, and the two
 * matrices without copying (a quantized model: its codes and codebooks, and the {@code pruneidx} of a
 * pruned dictionary). The sidecar keeps the real loss and its options, the seed and the label prefix.
 */
public final class ModelFiles {
  private ModelFiles() {}

  /** The losslab version written into sidecars. */
  public static final String VERSION = "0.1.0";

  /**
   * Writes {@code file} and its sidecar atomically. The dictionary is written straight from the
   * vocabulary's word bytes (no object per word), the same bytes as {@code toBinary(c).write(file)}.
   */
  public static void save(TextClassifier c, Path file) throws IOException {
    save(c, file, true);
  }

  /**
   * Writes {@code file} atomically: a {@code .bin} for a dense model, a {@code .ftz} (fastText's
   * quantized layout) for a quantized one, whatever the file's name. With {@code sidecar} the sidecar
   * is written next to it; without, a sidecar left there by an earlier save is removed, so that it
   * cannot be read as this model's.
   */
  public static void save(TextClassifier c, Path file, boolean sidecar) throws IOException {
    Model m = c.model();
    if (m.isQuantized()) {
      FastTextQuantized.write(file, fastTextArgs(c), new Entries(c.dictionary()),
          c.dictionary().pruneIndex(), m.quantizedInput(), m.storedOutput());
    } else {
      FastTextBinary.write(file, fastTextArgs(c), new Entries(c.dictionary()),
          new FastTextMatrix(m.inputRows(), m.dim(), m.input()), false,
          new FastTextMatrix(m.outputRows(), m.dim(), m.output()));
    }
    if (!sidecar) {
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ModelSidecar.SUFFIX));
      return;
    }
    Map<String, String> options = new LinkedHashMap<>();
    c.args().lossOptions().forEach((k, v) -> options.put(k, render(v)));
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("label", c.args().label());
    extra.put("minCountLabel", Integer.toString(c.args().minCountLabel()));
    extra.put("lr", Double.toString(c.args().lr()));
    extra.put("thread", Integer.toString(c.args().thread()));
    new ModelSidecar(VERSION, c.head().name(), options, OptionalLong.of(c.args().seed()),
        Optional.empty(), extra).write(file);
  }

  private static String render(Object v) {
    if (v instanceof double[] a) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < a.length; i++) {
        b.append(i == 0 ? "" : ",").append(a[i]);
      }
      return b.toString();
    }
    if (v instanceof int[] a) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < a.length; i++) {
        b.append(i == 0 ? "" : ",").append(a[i]);
      }
      return b.toString();
    }
    return String.valueOf(v);
  }

  /** A vocabulary seen as the dictionary block of a {@code .bin}: its own word bytes, not copied. */
  private record Entries(Dictionary d) implements DictionaryEntries {
    @Override public int nwords() { return d.nwords(); }
    @Override public int nlabels() { return d.nlabels(); }
    @Override public long ntokens() { return d.ntokens(); }
    @Override public byte[] wordBytes(int id) { return d.wordBytes(id); }
    @Override public long count(int id) { return d.count(id); }
  }

  private static FastTextArgs fastTextArgs(TextClassifier c) {
    Args a = c.args();
    return new FastTextArgs(a.dim(), a.ws(), a.epoch(), a.minCount(), a.neg(),
        a.wordNgrams(), FastTextArgs.LossName.ofCode(c.head().fastTextCode()),
        FastTextArgs.ModelName.SUP, c.dictionary().bucket(), a.minn(), a.maxn(), a.lrUpdateRate(),
        a.t());
  }

  /**
   * The fastText record of a classifier (matrices not copied; one {@code String} and one entry per
   * word: {@link #save} does not go through it).
   *
   * @throws IllegalArgumentException for a quantized model (a {@code .ftz}, not a {@code .bin})
   */
  public static FastTextBinary toBinary(TextClassifier c) {
    Dictionary d = c.dictionary();
    Model m = c.model();
    if (m.isQuantized()) {
      throw new IllegalArgumentException("a quantized model is written as a .ftz, not a .bin");
    }
    FastTextArgs fa = fastTextArgs(c);
    List<FastTextDictionary.Entry> entries = new ArrayList<>(d.size());
    for (int i = 0; i < d.size(); i++) {
      entries.add(new FastTextDictionary.Entry(d.word(i), d.count(i),
          i < d.nwords() ? FastTextDictionary.EntryType.WORD : FastTextDictionary.EntryType.LABEL));
    }
    FastTextDictionary fd = new FastTextDictionary(d.nwords(), d.nlabels(), d.ntokens(), entries);
    return new FastTextBinary(fa, fd, new FastTextMatrix(m.inputRows(), m.dim(), m.input()), false,
        new FastTextMatrix(m.outputRows(), m.dim(), m.output()));
  }

  /**
   * Loads a model written by losslab or by fastText, dense ({@code .bin}) or quantized ({@code .ftz},
   * pruned or not; it predicts but cannot be trained). The dictionary is read with
   * {@link FastTextFile#read}: the vocabulary keeps the word arrays read from the file, with no
   * {@code String} or entry object per word in between.
   *
   * @throws IOException if the file is missing, unreadable or malformed (the message names it)
   * @throws IllegalArgumentException if it is not a supervised model or its settings are unusable
   */
  public static TextClassifier load(Path file) throws IOException {
    FastTextFile bin = FastTextFile.read(file);
    Optional<ModelSidecar> side = ModelSidecar.read(file);
    FastTextArgs fa = bin.args();
    if (fa.model() != FastTextArgs.ModelName.SUP) {
      throw new IllegalArgumentException(
          file + ": a " + fa.model().fastTextName() + " model (word vectors), not a classifier");
    }
    String loss = side.map(ModelSidecar::loss).orElse(fastTextLossName(fa.loss()));
    Args.Builder b = Args.builder()
        .dim(fa.dim()).ws(Math.max(1, fa.ws())).epoch(Math.max(1, fa.epoch()))
        .minCount(Math.max(0, fa.minCount())).neg(Math.max(1, fa.neg()))
        .wordNgrams(Math.max(1, fa.wordNgrams())).bucket(fa.bucket()).minn(Math.max(0, fa.minn()))
        .maxn(Math.max(0, fa.maxn())).lrUpdateRate(Math.max(1, fa.lrUpdateRate())).t(fa.t())
        .loss(loss).thread(1);
    if (side.isPresent()) {
      ModelSidecar s = side.get();
      s.lossOptions().forEach(b::lossOption);
      s.seed().ifPresent(b::seed);
      String label = s.extra().get("label");
      if (label != null) {
        b.label(label);
      }
    }
    Args args;
    try {
      args = b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": unusable settings in the model: " + e.getMessage(), e);
    }
    if (args.effectiveBucket() != fa.bucket()) {
      throw new IllegalArgumentException(
          file + ": bucket " + fa.bucket() + " does not fit wordNgrams " + fa.wordNgrams()
              + " and maxn " + fa.maxn());
    }
    Dictionary dict = new Dictionary(args, bin.dictionary(),
        bin instanceof FastTextQuantized q ? q.pruneIndex().orElse(null) : null);
    if (dict.nlabels() == 0) {
      throw new IllegalArgumentException(file + ": the model has no labels");
    }
    Model model = bin instanceof FastTextQuantized q
        ? Model.quantized(q.input(), q.output())
        : new Model(fa.dim(), ((FastTextMatrix) bin.input()).data(),
            ((FastTextMatrix) bin.output()).data());
    return new TextClassifier(args, dict, model, Heads.create(args, dict.labelCounts()));
  }

  /** The losslab loss name of a fastText loss code. */
  static String fastTextLossName(FastTextArgs.LossName l) {
    return switch (l) {
      case HS -> Args.HS;
      case NS -> Args.NS;
      case SOFTMAX -> Args.SOFTMAX;
      case OVA -> Args.OVA;
    };
  }
}
