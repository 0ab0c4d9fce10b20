package dev.losslab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact text of {@code results.json}: strict JSON, one table and one measurement per line,
 * keys in a fixed order, a non-finite value as {@code null} with its text in {@code nonFinite}. On a
 * mismatch the actual text is written to {@code target/golden-actual/} for a diff.
 */
class JsonWriterTest {

  /** A report touching every kind of value {@code results.json} holds. */
  static Report report() {
    Section compare = Section.builder("compare", "Compare \"losses\"")
        .paragraph("Not in the JSON: only tables and measurements are.")
        .table("Final accuracy", List.of("loss", "accuracy"),
            List.of(List.of("cross-entropy", "0.8500 ± 0.0100"), List.of("a\\b \"c\"", "\t\u0001\u2028")))
        .build();
    Section empty = Section.builder("explore", "Explore")
        .table("No rows", List.of("x"), List.of())
        .build();
    return Report.builder("Golden <report> & \"quotes\" é").configure("seeds", 3)
        .configure("learning.rate", 0.1f).configure("data.sha256", "abc123").configure("empty", "")
        .section(compare).section(empty)
        .measure(new Measurement("compare", "cross-entropy", 1, 1, "train_loss", 0.30000000000000004))
        .measure(new Measurement("compare", "cross-entropy", 2, 2.5, "train_loss", 1e-20))
        .measure(new Measurement("compare", "diverged", 1, 3, "train_loss", Double.NaN))
        .measure(new Measurement("compare", "diverged", 1, 4, "train_loss", Double.POSITIVE_INFINITY))
        .measure(new Measurement("compare", "diverged", 1, Double.NaN, "train_loss", Double.NEGATIVE_INFINITY))
        .measure(new Measurement("explore", "a,b", Measurement.NO_SEED, -0.0, "value", 2))
        .measure(new Measurement("explore", "big", 123456789012L, 1e300, "value", -1.5e-7))
        .build();
  }

  @Test
  void resultsJsonIsExactlyTheGoldenFile() throws IOException {
    String expected;
    try (InputStream in = JsonWriterTest.class.getResourceAsStream("results-golden.json")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String actual = JsonWriter.render(report());
    if (!actual.equals(expected)) {
      Path dir = Path.of("target", "golden-actual");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("results-golden.json"), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void anEmptyReportIsStillAnObjectWithItsFourKeys() {
    assertThat(JsonWriter.render(Report.builder("t").build()))
        .isEqualTo("{\"title\":\"t\",\n\"configuration\":{},\n\"tables\":[],\n\"measurements\":[]}\n");
  }
}
