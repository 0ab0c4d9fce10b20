package dev.losslab.text.autotune;

import dev.losslab.loss.Losses;
import dev.losslab.text.Args;
import dev.losslab.text.Heads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loss the search may pick, as {@code -autotune-losses} lists them: one of fastText's heads
 * ({@code softmax}, {@code ova}, {@code ns}, {@code hs}), a core loss with its options
 * ({@code focal:gamma=1}, {@code cross-entropy:labelSmoothing=0.1}) or a formula
 * ({@code formula:EXPR}, whose expression holds no colon). The list is split at the commas outside
 * parentheses and brackets, as {@code compare --loss} splits it, so
 * {@code softmax,formula:max(0, 1 - s[label] + logsumexp(s))} is two losses.
 *
 * @param name the loss name given to {@code -loss}
 * @param options its options, as {@code -option value} flags would give them (strings, parsed by the
 *     loss)
 */
public record SearchLoss(String name, Map<String, Object> options) {

  public SearchLoss {
    java.util.Objects.requireNonNull(name, "name");
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** The loss as the list writes it. */
  public String text() {
    return text(name, options);
  }

  static String text(String name, Map<String, Object> options) {
    StringBuilder b = new StringBuilder(name);
    options.forEach((k, v) -> b.append(':').append(k).append('=').append(render(v)));
    return b.toString();
  }

  private static String render(Object v) {
    if (v instanceof double[] a) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < a.length; i++) {
        b.append(i == 0 ? "" : " ").append(a[i]);
      }
      return b.toString();
    }
    return String.valueOf(v);
  }

  /** {@code base} with this loss and its options instead of base's. */
  public Args.Builder applyTo(Args.Builder base) {
    base.loss(name).clearLossOptions();
    options.forEach(base::lossOption);
    return base;
  }

  /**
   * Parses {@code -autotune-losses} and checks every loss and option (with two labels, before any
   * data is read).
   *
   * @throws IllegalArgumentException naming the flag and the loss at fault: an empty entry, a loss
   *     listed twice, an unknown loss or option, a formula's syntax error
   */
  public static List<SearchLoss> parseList(String text, Args base) {
    List<SearchLoss> out = new ArrayList<>();
    for (String part : Losses.splitList(text)) {
      String t = part.strip();
      if (t.isEmpty()) {
        throw new IllegalArgumentException("-autotune-losses " + text + ": an empty loss name");
      }
      SearchLoss loss = parse(t, text);
      for (SearchLoss o : out) {
        if (o.text().equals(loss.text())) {
          throw new IllegalArgumentException(
              "-autotune-losses " + text + ": " + loss.text() + " is listed twice");
        }
      }
      try {
        Heads.check(loss.applyTo(base.toBuilder()).build());
      } catch (IllegalArgumentException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        throw new IllegalArgumentException("-autotune-losses " + t + ": "
            + (m.startsWith("-loss " + loss.name() + ": ")
                ? m.substring(("-loss " + loss.name() + ": ").length()) : m), e);
      }
      out.add(loss);
    }
    return List.copyOf(out);
  }

  private static SearchLoss parse(String t, String list) {
    boolean formula = t.startsWith("formula:");
    int end = t.indexOf(':', formula ? "formula:".length() : 0);
    String name = (end < 0 ? t : t.substring(0, end)).strip();
    Map<String, Object> options = new LinkedHashMap<>();
    if (end >= 0) {
      for (String option : t.substring(end + 1).split(":", -1)) {
        int eq = option.indexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
          throw new IllegalArgumentException("-autotune-losses " + list + ": option '" + option
              + "' of " + name + " must be written option=value");
        }
        options.put(option.substring(0, eq).strip(), option.substring(eq + 1).strip());
      }
    }
    return new SearchLoss(name, options);
  }
}
