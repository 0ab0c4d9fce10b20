package com.example.losses;

import dev.losslab.loss.Loss;
import dev.losslab.loss.LossProvider;
import java.util.Map;
import java.util.Set;

/**
 * The loss provider of this project, listed in {@code META-INF/services/dev.losslab.loss.LossProvider}
 * so that {@code Losses.create("charbonnier")} (and {@code ./losslab loss charbonnier ...} with this jar
 * in {@code LOSSLAB_CLASSPATH}) finds it. It offers {@link Charbonnier} with one option,
 * {@code epsilon} (default {@value Charbonnier#DEFAULT_EPSILON}), given as a number or as text such as
 * {@code "0.5"}, which is how the command line passes it.
 */
public final class CustomLosses implements LossProvider {

  @Override
  public Set<String> names() {
    return Set.of(Charbonnier.NAME);
  }

  @Override
  public Set<String> optionNames(String name) {
    return Set.of("epsilon");
  }

  @Override
  public Loss create(String name, Map<String, ?> options) {
    double epsilon = Charbonnier.DEFAULT_EPSILON;
    for (Map.Entry<String, ?> option : options.entrySet()) {
      if (!option.getKey().equals("epsilon")) {
        throw new IllegalArgumentException("unknown option '" + option.getKey() + "' (known: epsilon)");
      }
      epsilon = number(option.getKey(), option.getValue());
    }
    return new Charbonnier(epsilon);
  }

  private static double number(String key, Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " (" + value + ") must be a number");
    }
  }
}
