package dev.losslab.loss;

import java.util.Map;
import java.util.Set;

/**
 * A source of losses outside losslab: a class on the class path that {@link Losses#create(String, Map)}
 * asks for a name that is neither built in nor a composed {@code <unit>-<divergence>} name. Its losses
 * then work everywhere a built-in name does: {@code ./losslab loss}, {@code gradcheck},
 * {@code compare}, the text classifier's {@code -loss}.
 *
 * <p>Write one in three steps. Implement {@link Loss} (or extend {@link ElementwiseLoss}); offer it from
 * a public class with a public no-argument constructor:
 *
 * <pre>{@code
 * package com.example;
 *
 * public final class MyLosses implements LossProvider {
 *   public Set<String> names() {
 *     return Set.of("my-loss");
 *   }
 *
 *   public Loss create(String name, Map<String, ?> options) {
 *     double t = 1.0;
 *     for (Map.Entry<String, ?> e : options.entrySet()) {
 *       if (!e.getKey().equals("temperature")) {
 *         throw new IllegalArgumentException("unknown option '" + e.getKey() + "' (known: temperature)");
 *       }
 *       t = Double.parseDouble(String.valueOf(e.getValue()));   // a Number or a String such as "0.5"
 *     }
 *     return new MyLoss(t);                                       // name() must return "my-loss"
 *   }
 * }
 * }</pre>
 *
 * and list the class, one fully qualified name a line, in the resource
 * {@code META-INF/services/dev.losslab.loss.LossProvider} of its jar or classes folder:
 *
 * <pre>{@code
 * com.example.MyLosses
 * }</pre>
 *
 * Put that jar on the class path ({@code LOSSLAB_CLASSPATH=my-losses.jar ./losslab gradcheck my-loss}
 * for the command line) and check it with {@code GradientChecker.checkBuiltIn("my-loss")}.
 *
 * <p>Rules, each enforced by {@link Losses#create(String, Map)} with one {@link IllegalArgumentException}
 * naming the loss, the provider class and the cause:
 *
 * <ul>
 *   <li>names are ASCII letters, digits, {@code -}, {@code _} and {@code .}, compared ignoring case; a name
 *       may be offered by one provider only and may not be a built-in or composed name (such a name is
 *       refused when it is asked for, so that a jar on the class path never silently changes what a
 *       built-in name means, nor is silently ignored);
 *   <li>{@code create} gets the name as {@link #names()} spells it and the options as given (values are
 *       Numbers, Booleans, {@code double[]} or Strings: the command line passes Strings), without
 *       {@code reduction}; it rejects an unknown option or a bad value with an
 *       {@code IllegalArgumentException} whose message names it. Anything it throws is reported as
 *       {@code loss 'my-loss' (provider com.example.MyLosses) failed: <message>};
 *   <li>it returns a new loss (never {@code null}) whose {@link Loss#name()} is the name asked for;
 *   <li>a provider and its losses are thread-safe; {@link Losses} loads each provider once, with
 *       {@link java.util.ServiceLoader}, the first time a name is looked up.
 * </ul>
 */
public interface LossProvider {

  /** The names of the losses this provider offers; the same set on every call. */
  Set<String> names();

  /**
   * A new loss called {@code name}, one of {@link #names()}, configured by {@code options}.
   *
   * @param name the name, as {@link #names()} spells it
   * @param options option name to value; empty for the defaults, never {@code null}
   * @throws IllegalArgumentException for an unknown option or a bad value, naming it
   */
  Loss create(String name, Map<String, ?> options);

  /**
   * The option names {@link #create} accepts for {@code name}, for listings such as
   * {@link Losses#optionNames(String)}; the default says none.
   */
  default Set<String> optionNames(String name) {
    return Set.of();
  }
}
