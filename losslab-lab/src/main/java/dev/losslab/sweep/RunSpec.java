package dev.losslab.sweep;

import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.DenseRun;
import dev.losslab.experiment.LossChoice;
import dev.losslab.experiment.ModelSetup;
import dev.losslab.experiment.Provenance;
import dev.losslab.experiment.RunResult;
import dev.losslab.report.Numbers;
import dev.losslab.train.OptimizerKind;
import dev.losslab.train.StoppingRule;
import dev.losslab.train.TrainerConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one dense training run depends on: the loss and its options, the seed, the network and
 * trainer, the training labels' noise, the diagnostics' sample and stall threshold, the data's
 * checksum and losslab's version. {@link #config()} writes it as a sorted map of strings that
 * {@link #fromConfig} reads back into an equal spec, and {@link #key()} is the hash of that map, under
 * which the {@link RunStore} keeps the run: two specs with the same key train the same network to the
 * same numbers, in any thread, process or machine running the same losslab on the same data.
 *
 * @param loss the loss (its label is not part of the run: only its name and options are)
 * @param seed initial weights, example order and the diagnostics' sample
 * @param setup network and trainer (the trainer's own seed is replaced by {@code seed})
 * @param noise the training labels' noise
 * @param sample training examples the diagnostics measure
 * @param stallThreshold see {@link dev.losslab.experiment.GradientDiagnostics}
 * @param dataChecksum {@link CompareData#checksum()} of the clean data
 * @param version losslab's version and the id of the code that trains the run
 *     ({@link Provenance#version()}, {@link Provenance#trainingCode})
 */
public record RunSpec(LossChoice loss, long seed, ModelSetup setup, Noise noise, int sample,
    double stallThreshold, String dataChecksum, String version) {

  /** The version of the store's layout and records; part of every key. */
  public static final int FORMAT = 1;

  /** Normalises the trainer: the seed is the run's, metrics are exact full passes. */
  public RunSpec {
    setup = setup.withTrainer(setup.trainer().withSeed(1L).withFullPassMetrics(true));
  }

  /**
   * The canonical configuration: every field as text, numbers in their shortest exact form, the loss's
   * options as {@code loss.NAME}.
   */
  public SortedMap<String, String> config() {
    TrainerConfig t = setup.trainer();
    SortedMap<String, String> m = new TreeMap<>();
    m.put("store.format", Integer.toString(FORMAT));
    m.put("losslab.version", version);
    m.put("data.checksum", dataChecksum);
    m.put("noise", noise.describe());
    if (!noise.none()) {
      m.put("noise.seed", Long.toString(noise.seed()));
    }
    m.put("loss", loss.name());
    loss.options().forEach((k, v) -> m.put("loss." + k, canonicalNumber(v)));
    m.put("hidden", String.join("-", setup.hidden().stream().map(String::valueOf).toList()));
    m.put("activation", setup.activation());
    m.put("optimizer", t.optimizer().label());
    m.put("lr", Numbers.exact(t.learningRate()));
    m.put("momentum", Numbers.exact(t.momentum()));
    m.put("batch", Integer.toString(t.batchSize()));
    m.put("epochs", Integer.toString(t.epochs()));
    m.put("weight-decay", Numbers.exact(t.weightDecay()));
    m.put("stop", t.stopping().describe());
    m.put("seed", Long.toString(seed));
    m.put("sample", Integer.toString(sample));
    m.put("stall-threshold", Numbers.exact(stallThreshold));
    return Collections.unmodifiableSortedMap(m);
  }

  /**
   * The spec {@link #config()} describes.
   *
   * @throws IllegalArgumentException naming the key that is missing or holds a value it cannot take
   */
  public static RunSpec fromConfig(Map<String, String> c) {
    String format = get(c, "store.format");
    if (!format.equals(Integer.toString(FORMAT))) {
      throw new IllegalArgumentException("run configuration has store format " + format
          + "; this losslab reads format " + FORMAT);
    }
    Map<String, String> options = new LinkedHashMap<>();
    List<String> label = new ArrayList<>(List.of(get(c, "loss")));
    for (Map.Entry<String, String> e : new TreeMap<>(c).entrySet()) {
      if (e.getKey().startsWith("loss.")) {
        String k = e.getKey().substring("loss.".length());
        options.put(k, e.getValue());
        label.add(k + "=" + e.getValue());
      }
    }
    LossChoice loss = new LossChoice(String.join(":", label), get(c, "loss"), options);
    String hidden = get(c, "hidden");
    List<Integer> sizes = new ArrayList<>();
    if (!hidden.isEmpty()) {
      for (String h : hidden.split("-")) {
        sizes.add(Integer.parseInt(h));
      }
    }
    TrainerConfig t = new TrainerConfig(OptimizerKind.parse(get(c, "optimizer")),
        Double.parseDouble(get(c, "lr")), Double.parseDouble(get(c, "momentum")),
        Integer.parseInt(get(c, "batch")), Integer.parseInt(get(c, "epochs")),
        Double.parseDouble(get(c, "weight-decay")), StoppingRule.parse(get(c, "stop")), 1L, true);
    Noise noise = Noise.parse(get(c, "noise"));
    if (!noise.none()) {
      noise = new Noise(noise.kind(), noise.rate(), Long.parseLong(get(c, "noise.seed")));
    }
    return new RunSpec(loss, Long.parseLong(get(c, "seed")),
        new ModelSetup(sizes, get(c, "activation"), t), noise, Integer.parseInt(get(c, "sample")),
        Double.parseDouble(get(c, "stall-threshold")), get(c, "data.checksum"),
        get(c, "losslab.version"));
  }

  private static String get(Map<String, String> c, String key) {
    String v = c.get(key);
    if (v == null) {
      throw new IllegalArgumentException("run configuration has no '" + key + "'");
    }
    return v;
  }

  /** A number in its shortest exact form ({@code 0.70} and {@code 7e-1} are {@code 0.7}); other text as it is. */
  static String canonicalNumber(String v) {
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d) && !v.endsWith("f") && !v.endsWith("d") && !v.endsWith("F")
          && !v.endsWith("D")) {
        return Numbers.exact(d);
      }
    } catch (NumberFormatException e) {
      // not a number: kept as written
    }
    return v;
  }

  /** The store key: the first 32 hex digits of the SHA-256 of {@link #config()}'s lines. */
  public String key() {
    return key(config());
  }

  /** The key of a configuration (what {@link #key()} returns for the spec it describes). */
  public static String key(Map<String, String> config) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(config).forEach((k, v) -> b.append(escape(k)).append('=').append(escape(v)).append('\n'));
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=");
  }

  /**
   * Trains this run on {@code data} (the clean data whose checksum this spec names) and returns its
   * record. A run that diverges ends there and is recorded as diverged; one that throws (a loss or
   * option that fails during training) is recorded as failed with the message; neither throws.
   *
   * @throws IllegalArgumentException when {@code data} is not the data of this spec
   */
  public RunRecord execute(CompareData data) {
    if (!data.checksum().equals(dataChecksum)) {
      throw new IllegalArgumentException("data checksum " + data.checksum()
          + " is not the run's " + dataChecksum);
    }
    long start = System.nanoTime();
    RunResult r;
    try {
      r = DenseRun.run(loss, seed, setup, noise.apply(data.train()), data.test(), sample,
          stallThreshold);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      r = new RunResult(loss.label(), seed, List.of(), RunRecord.FAILED_STOP, message);
    }
    return RunRecord.of(this, r, (System.nanoTime() - start) / 1e9);
  }
}
