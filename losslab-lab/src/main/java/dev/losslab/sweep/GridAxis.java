package dev.losslab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One swept option of a grid and its values, written {@code NAME=V1,V2,...}: {@code lr=0.01,0.05,0.2},
 * {@code noise=none,symmetric:0.2,pair:0.4}, {@code gce:q=0.3,0.7}. The name is checked here (it must
 * be one of {@link GridOptions#NAMES} or {@code LOSS:OPTION}); whether each value suits its option is
 * checked when the grid meets a comparison ({@link Grid#cells}).
 *
 * @param name the option, e.g. {@code lr} or {@code gce:q}
 * @param values its values in the order given, at least one, none twice
 */
public record GridAxis(String name, List<String> values) {

  /** Checks that there is a name and at least one value, none empty or given twice. */
  public GridAxis {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("grid option " + name + " has no values");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isBlank()) {
        throw new IllegalArgumentException("grid option " + name + " has an empty value");
      }
      if (values.subList(0, i).contains(values.get(i))) {
        throw new IllegalArgumentException(
            "grid option " + name + ": value " + values.get(i) + " is listed twice");
      }
    }
  }

  /**
   * Reads {@code NAME=V1,V2,...}.
   *
   * @throws IllegalArgumentException naming the text when it has no {@code =}, no name, an unknown name,
   *     no values, an empty value or a value given twice
   */
  public static GridAxis parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("grid '" + text + "' must be written NAME=V1,V2,...");
    }
    String name = text.substring(0, eq).trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("grid '" + text + "' has no option name before '='");
    }
    GridOptions.checkName(name);
    String rest = text.substring(eq + 1);
    if (rest.isBlank()) {
      throw new IllegalArgumentException("grid '" + text + "' has no values after '='");
    }
    List<String> values = new ArrayList<>();
    for (String v : rest.split(",", -1)) {
      if (v.isBlank()) {
        throw new IllegalArgumentException("grid '" + text + "' has an empty value");
      }
      values.add(v.trim());
    }
    return new GridAxis(name, values);
  }

  /** {@code NAME=V1,V2,...}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return name + "=" + String.join(",", values);
  }
}
