package dev.losslab.report;

import dev.losslab.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: {@code {"title", "configuration": {key: value}, "tables": [{section,
 * caption, header, rows}], "measurements": [{experiment, series, seed, x, metric, value}]}}, one
 * measurement per line. The file is strict JSON (any parser reads it): a non-finite value is written
 * as {@code null} and its text ({@code "NaN"}, {@code "Infinity"}) kept in a {@code "nonFinite"} field
 * of the same measurement; a seed of {@code null} means none was used.
 */
public final class JsonWriter {
  private JsonWriter() {}

  public static String render(Report report) {
    StringBuilder b = new StringBuilder(96 * report.measurements().size() + 1024);
    b.append("{\"title\":").append(Json.write(report.title())).append(",\n\"configuration\":")
        .append(Json.write(report.configuration())).append(",\n\"tables\":[");
    boolean first = true;
    for (Section s : report.sections()) {
      for (Block block : s.blocks()) {
        if (block instanceof Block.Table t) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("section", s.id());
          m.put("caption", t.caption());
          m.put("header", t.header());
          m.put("rows", t.rows());
          b.append(first ? "\n" : ",\n").append(Json.write(m));
          first = false;
        }
      }
    }
    b.append("],\n\"measurements\":[");
    first = true;
    for (Measurement x : report.measurements()) {
      b.append(first ? "\n" : ",\n").append(Json.write(row(x)));
      first = false;
    }
    return b.append("]}\n").toString();
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
