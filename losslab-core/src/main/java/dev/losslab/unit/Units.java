package dev.losslab.unit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The registry of activations and output units by name.
 *
 * <p>Activations: {@code identity, sigmoid, tanh, relu, leaky-relu, elu, softplus, gelu, silu, exp}.
 * Output units: {@code identity, sigmoid, softmax, log-softmax, exp}, then every other activation applied
 * element-wise ({@code tanh, relu, ...}). Names are case-insensitive; an unknown name is an
 * {@link IllegalArgumentException} that lists the known ones. Every unit returned is immutable and
 * shared.
 */
public final class Units {
  private static final List<Activation> ACTIVATIONS = List.of(
      new Identity(), new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(), new Elu(),
      new Softplus(), new Gelu(), new Silu(), new Exponential());
  private static final List<OutputUnit> OUTPUT_UNITS = outputUnits();

  private Units() {}

  private static List<OutputUnit> outputUnits() {
    List<OutputUnit> units = new ArrayList<>();
    units.add(new ElementwiseUnit(ACTIVATIONS.get(0)));
    units.add(new ElementwiseUnit(ACTIVATIONS.get(1)));
    units.add(new Softmax());
    units.add(new LogSoftmax());
    units.add(new ElementwiseUnit(ACTIVATIONS.get(9)));
    for (int i = 2; i < 9; i++) {
      units.add(new ElementwiseUnit(ACTIVATIONS.get(i)));
    }
    return Collections.unmodifiableList(units);
  }

  /**
   * The activation called {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Activation activation(String name) {
    String key = normalise(name);
    for (Activation a : ACTIVATIONS) {
      if (a.name().equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + name + "' (known: " + String.join(", ", activationNames()) + ")");
  }

  /**
   * The output unit called {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static OutputUnit outputUnit(String name) {
    String key = normalise(name);
    for (OutputUnit u : OUTPUT_UNITS) {
      if (u.name().equals(key)) {
        return u;
      }
    }
    throw new IllegalArgumentException(
        "unknown output unit '" + name + "' (known: " + String.join(", ", outputUnitNames()) + ")");
  }

  /** The activation names, in a fixed order. */
  public static List<String> activationNames() {
    List<String> names = new ArrayList<>();
    for (Activation a : ACTIVATIONS) {
      names.add(a.name());
    }
    return Collections.unmodifiableList(names);
  }

  /** The output unit names, in a fixed order (the seeds' units first). */
  public static List<String> outputUnitNames() {
    List<String> names = new ArrayList<>();
    for (OutputUnit u : OUTPUT_UNITS) {
      names.add(u.name());
    }
    return Collections.unmodifiableList(names);
  }

  private static String normalise(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }
}
