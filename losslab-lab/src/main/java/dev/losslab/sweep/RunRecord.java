package dev.losslab.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.experiment.EpochRecord;
import dev.losslab.experiment.GradientDiagnostics;
import dev.losslab.experiment.Provenance;
import dev.losslab.experiment.RunResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One finished run as the {@link RunStore} keeps it: its key, its full configuration
 * ({@link RunSpec#config()}, with the data checksum and losslab's version), where and when it ran, how
 * it ended, and every per-epoch number. {@link #toJson()} and {@link #fromJson} turn it into one JSON
 * object and back without losing a bit: numbers are written in their shortest exact form and a
 * non-finite one as the string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}.
 *
 * @param key {@link RunSpec#key(Map)} of {@code config}
 * @param config the run's configuration
 * @param javaVersion the Java version it ran on
 * @param created when it finished (UTC, seconds)
 * @param seconds its wall-clock time, set-up included
 * @param result its epochs and how it ended (the loss named by its name and options)
 */
public record RunRecord(String key, SortedMap<String, String> config, String javaVersion, String created,
    double seconds, RunResult result) {

  /** The stop reason of a run that threw before or during training. */
  public static final String FAILED_STOP = "FAILED";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the configuration and checks that the key is its hash. */
  public RunRecord {
    config = Collections.unmodifiableSortedMap(new TreeMap<>(config));
    if (!key.equals(RunSpec.key(config))) {
      throw new IllegalArgumentException("run record key " + key + " is not the hash of its configuration ("
          + RunSpec.key(config) + ")");
    }
  }

  /** The record of {@code spec}'s result, created now on this JVM. */
  public static RunRecord of(RunSpec spec, RunResult result, double seconds) {
    return new RunRecord(spec.key(), spec.config(), System.getProperty("java.version"),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seconds, result);
  }

  /** {@code ok}, {@code diverged} (a non-finite objective) or {@code failed} (an error). */
  public String status() {
    if (result.failure() == null) {
      return "ok";
    }
    return FAILED_STOP.equals(result.stopReason()) ? "failed" : "diverged";
  }

  /** losslab's version, as the configuration names it. */
  public String version() {
    return config.get("losslab.version");
  }

  /** The record as an indented JSON object. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", RunSpec.FORMAT);
    o.put("key", key);
    o.put("losslab", version());
    o.put("java", javaVersion);
    o.put("created", created);
    number(o, "seconds", seconds);
    ObjectNode c = o.putObject("config");
    config.forEach(c::put);
    o.put("loss", result.loss());
    o.put("seed", result.seed());
    o.put("status", status());
    o.put("stopReason", result.stopReason());
    if (result.failure() == null) {
      o.putNull("failure");
    } else {
      o.put("failure", result.failure());
    }
    ArrayNode epochs = o.putArray("epochs");
    for (EpochRecord e : result.epochs()) {
      ObjectNode n = epochs.addObject();
      n.put("epoch", e.epoch());
      number(n, "trainLoss", e.trainLoss());
      number(n, "testAccuracy", e.testAccuracy());
      number(n, "testRecall", e.testRecall());
      number(n, "gradientNorm", e.gradientNorm());
      GradientDiagnostics d = e.diagnostics();
      number(n, "stalled", d.stalled());
      number(n, "wrongDirection", d.wrongDirection());
      number(n, "wrongDirectionExamples", d.wrongDirectionExamples());
      number(n, "meanScoreGradientNorm", d.meanScoreGradientNorm());
      number(n, "nonFinite", d.nonFinite());
      n.put("examples", d.examples());
      number(n, "seconds", e.seconds());
    }
    try {
      return JSON.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a run record: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads what {@link #toJson()} wrote.
   *
   * @throws IllegalArgumentException when the text is not such a record (not JSON, a missing field,
   *     another format, or a key that is not its configuration's hash)
   */
  public static RunRecord fromJson(String text) {
    JsonNode o;
    try {
      o = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    int format = field(o, "format").asInt(-1);
    if (format != RunSpec.FORMAT) {
      throw new IllegalArgumentException("record format " + field(o, "format") + " is not "
          + RunSpec.FORMAT);
    }
    SortedMap<String, String> config = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : field(o, "config").properties()) {
      config.put(e.getKey(), e.getValue().asText());
    }
    List<EpochRecord> epochs = new ArrayList<>();
    for (JsonNode n : field(o, "epochs")) {
      GradientDiagnostics d = new GradientDiagnostics(number(n, "stalled"), number(n, "wrongDirection"),
          number(n, "wrongDirectionExamples"), number(n, "meanScoreGradientNorm"),
          number(n, "nonFinite"), field(n, "examples").asInt());
      epochs.add(new EpochRecord(field(n, "epoch").asInt(), number(n, "trainLoss"),
          number(n, "testAccuracy"), number(n, "gradientNorm"), d, number(n, "seconds"),
          number(n, "testRecall")));
    }
    JsonNode failure = field(o, "failure");
    RunResult r = new RunResult(field(o, "loss").asText(), field(o, "seed").asLong(), epochs,
        field(o, "stopReason").asText(), failure.isNull() ? null : failure.asText());
    return new RunRecord(field(o, "key").asText(), config, field(o, "java").asText(),
        field(o, "created").asText(), number(o, "seconds"), r);
  }

  private static JsonNode field(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no field '" + name + "'");
    }
    return n;
  }

  private static void number(ObjectNode o, String name, double v) {
    if (Double.isFinite(v)) {
      o.put(name, v);
    } else {
      o.put(name, Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
  }

  private static double number(JsonNode o, String name) {
    JsonNode n = field(o, name);
    if (n.isNumber()) {
      return n.doubleValue();
    }
    return switch (n.asText()) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> throw new IllegalArgumentException("field '" + name + "' is not a number: " + n);
    };
  }

  /** Whether the per-epoch numbers and the ending equal {@code other}'s, bit for bit (times aside). */
  public boolean sameNumbers(RunRecord other) {
    return sameNumbers(result, other.result);
  }

  /** Whether two runs' per-epoch numbers and endings are equal, bit for bit, times aside. */
  public static boolean sameNumbers(RunResult a, RunResult b) {
    if (a.seed() != b.seed() || !a.stopReason().equals(b.stopReason())
        || !Objects.equals(a.failure(), b.failure())
        || a.epochs().size() != b.epochs().size()) {
      return false;
    }
    for (int i = 0; i < a.epochs().size(); i++) {
      EpochRecord x = a.epochs().get(i);
      EpochRecord y = b.epochs().get(i);
      if (!x.equals(new EpochRecord(y.epoch(), y.trainLoss(), y.testAccuracy(), y.gradientNorm(),
          y.diagnostics(), x.seconds(), y.testRecall()))) {
        return false;
      }
    }
    return true;
  }
}
