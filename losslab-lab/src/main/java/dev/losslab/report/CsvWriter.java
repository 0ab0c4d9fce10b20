package dev.losslab.report;

import java.util.Map;

/**
 * {@code results.csv}: the run's configuration as leading {@code #} comment lines
 * ({@code # key = value}), then one row per {@link Measurement} under the header
 * {@code experiment,series,seed,x,metric,value}. Values are written exactly (shortest round-trip
 * decimal), {@code NaN} and {@code Infinity} as Java spells them; an empty seed means none was used.
 * Read it with e.g. {@code pandas.read_csv(path, comment='#')}.
 */
public final class CsvWriter {
  private CsvWriter() {}

  /** The header row. */
  public static final String HEADER = "experiment,series,seed,x,metric,value";

  public static String render(Report report) {
    StringBuilder b = new StringBuilder(64 * report.measurements().size() + 1024);
    b.append("# ").append(oneLine(report.title())).append('\n');
    for (Map.Entry<String, String> e : report.configuration().entrySet()) {
      b.append("# ").append(oneLine(e.getKey())).append(" = ").append(oneLine(e.getValue()))
          .append('\n');
    }
    b.append(HEADER).append('\n');
    for (Measurement m : report.measurements()) {
      b.append(field(m.experiment())).append(',').append(field(m.series())).append(',')
          .append(m.seed() == Measurement.NO_SEED ? "" : Long.toString(m.seed())).append(',')
          .append(Numbers.exact(m.x())).append(',').append(field(m.metric())).append(',')
          .append(Numbers.exact(m.value())).append('\n');
    }
    return b.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  /** Quotes a field when it holds a comma, quote or line break (RFC 4180). */
  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
