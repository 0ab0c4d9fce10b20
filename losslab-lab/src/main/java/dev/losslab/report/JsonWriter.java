package dev.losslab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: {@code {"title", "configuration": {key: value}, "tables": [{section,
 * caption, header, rows}], "measurements": [{experiment, series, seed, x, metric, value}]}}, one
 * measurement per line. The file is strict JSON (any parser reads it): a non-finite value is written
 * as {@code null} and its text ({@code "NaN"}, {@code "Infinity"}) kept in a {@code "nonFinite"} field
 * of the same measurement; a seed of {@code null} means none was used. Each piece is written by
 * Jackson (doubles as {@link Double#toString(double)} writes them, control characters escaped as
 * <code>&#92;n</code> or <code>&#92;u001b</code>, other characters as they are).
 */
public final class JsonWriter {
  private JsonWriter() {}

  private static final ObjectWriter WRITER = JsonMapper.builder()
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build().writer();

  /** The text of {@code results.json} for {@code report}, ending with a newline. */
  public static String render(Report report) {
    StringBuilder b = new StringBuilder(96 * report.measurements().size() + 1024);
    b.append("{\"title\":").append(write(report.title())).append(",\n\"configuration\":")
        .append(write(report.configuration())).append(",\n\"tables\":[");
    boolean first = true;
    for (Section s : report.sections()) {
      for (Block block : s.blocks()) {
        if (block instanceof Block.Table t) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("section", s.id());
          m.put("caption", t.caption());
          m.put("header", t.header());
          m.put("rows", t.rows());
          b.append(first ? "\n" : ",\n").append(write(m));
          first = false;
        }
      }
    }
    b.append("],\n\"measurements\":[");
    first = true;
    for (Measurement x : report.measurements()) {
      b.append(first ? "\n" : ",\n").append(write(row(x)));
      first = false;
    }
    return b.append("]}\n").toString();
  }

  private static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("results.json: cannot write " + value, e);
    }
  }

  static Map<String, Object> row(Measurement x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment", x.experiment());
    m.put("series", x.series());
    m.put("seed", x.seed() == Measurement.NO_SEED ? null : x.seed());
    m.put("x", Double.isFinite(x.x()) ? x.x() : null);
    m.put("metric", x.metric());
    m.put("value", Double.isFinite(x.value()) ? x.value() : null);
    if (!Double.isFinite(x.value())) {
      m.put("nonFinite", Double.toString(x.value()));
    }
    return m;
  }

  /** The measurements of a report as a list of maps (for tests and readers). */
  static List<Map<String, Object>> rows(Report report) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Measurement x : report.measurements()) {
      out.add(row(x));
    }
    return out;
  }
}
