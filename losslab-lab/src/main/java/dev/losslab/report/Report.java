package dev.losslab.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A whole report: title, the run's full configuration (every option and its value, the versions, the
 * data checksum), the sections a reader sees, and every measured number. Immutable; built with
 * {@link #builder(String)} and written by {@link ReportWriter}.
 *
 * @param title the page title
 * @param configuration ordered key → value pairs describing the run (written to HTML, CSV and JSON)
 * @param sections in reading order
 * @param measurements every number behind the tables and figures
 */
public record Report(String title, Map<String, String> configuration, List<Section> sections,
    List<Measurement> measurements) {

  public Report {
    Objects.requireNonNull(title, "title");
    configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    sections = List.copyOf(sections);
    measurements = List.copyOf(measurements);
    Set<String> names = new HashSet<>();
    for (Section s : sections) {
      for (Block b : s.blocks()) {
        if (b instanceof Block.Figure f && !names.add(f.name())) {
          throw new IllegalArgumentException("figure name '" + f.name() + "' is used twice");
        }
      }
    }
  }

  /** Every figure of the report, in reading order. */
  public List<Block.Figure> figures() {
    List<Block.Figure> out = new ArrayList<>();
    for (Section s : sections) {
      for (Block b : s.blocks()) {
        if (b instanceof Block.Figure f) {
          out.add(f);
        }
      }
    }
    return out;
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Collects configuration, sections and measurements. */
  public static final class Builder {
    private final String title;
    private final Map<String, String> configuration = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    public Builder configure(String key, Object value) {
      configuration.put(key, String.valueOf(value));
      return this;
    }

    public Builder section(Section section) {
      sections.add(section);
      return this;
    }

    public Builder measure(Measurement m) {
      measurements.add(m);
      return this;
    }

    public Builder measureAll(List<Measurement> ms) {
      measurements.addAll(ms);
      return this;
    }

    public Report build() {
      return new Report(title, configuration, sections, measurements);
    }
  }
}
