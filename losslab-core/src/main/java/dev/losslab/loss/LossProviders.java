package dev.losslab.loss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@link LossProvider}s found on the class path, and the checks that turn each way a provider can
 * go wrong into one line naming the loss and the provider class: a name offered twice or shadowing a
 * built-in, a {@code create} that throws, returns {@code null} or a loss of another name, a provider
 * that fails to load or to list its names. Immutable once built; {@link #shared()} is loaded once, on
 * first use.
 */
final class LossProviders {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final String SERVICE_PREFIX = LossProvider.class.getName() + ": ";

  /** One provider's offer of one name, with the name as the provider spells it. */
  private record Offer(LossProvider provider, String spelling) {
    String providerClass() {
      return provider.getClass().getName();
    }
  }

  private final Map<String, List<Offer>> offers;
  private final List<String> failures;

  /** The providers of {@link #shared()}: the thread context class loader's, then Losses' own. */
  private static final class Shared {
    static final LossProviders INSTANCE =
        load(Thread.currentThread().getContextClassLoader(), Losses.class.getClassLoader());
  }

  LossProviders(List<LossProvider> providers, List<String> loadFailures) {
    Map<String, List<Offer>> byName = new TreeMap<>();
    List<String> problems = new ArrayList<>(loadFailures);
    for (LossProvider p : providers) {
      Set<String> names;
      try {
        names = p.names();
      } catch (RuntimeException | LinkageError e) {
        problems.add("loss provider " + p.getClass().getName() + " failed to list its names: "
            + describe(e));
        continue;
      }
      if (names == null) {
        problems.add("loss provider " + p.getClass().getName() + " returned null from names()");
        continue;
      }
      for (String spelling : names) {
        String key = normalise(spelling);
        if (!NAME.matcher(key).matches()) {
          problems.add("loss provider " + p.getClass().getName() + " offers an invalid name '" + spelling
              + "' (use letters, digits, '-', '_' and '.', starting with a letter or digit)");
          continue;
        }
        List<Offer> list = byName.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.stream().noneMatch(o -> o.provider() == p)) { // "My-Loss" and "my-loss": one offer
          list.add(new Offer(p, spelling));
        }
      }
    }
    this.offers = Collections.unmodifiableMap(byName);
    this.failures = List.copyOf(new LinkedHashSet<>(problems));
  }

  private static final LossProviders NONE = new LossProviders(List.of(), List.of());

  /**
   * The providers on the class path, loaded when first asked for. While they load, a provider's own
   * constructor or {@code names()} may look up a built-in loss: that thread then sees no providers
   * (other threads wait for the loading to finish).
   */
  static LossProviders shared() {
    LossProviders loaded = Shared.INSTANCE;
    return loaded != null ? loaded : NONE;
  }

  /**
   * The providers {@link ServiceLoader} finds through each of {@code loaders} in turn (a {@code null}
   * loader is skipped, a class found twice kept once); a provider that fails to load becomes one line
   * in the failures and the others still load.
   */
  static LossProviders load(ClassLoader... loaders) {
    List<LossProvider> providers = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    Set<ClassLoader> scanned = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ClassLoader loader : loaders) {
      if (loader == null || !scanned.add(loader)) {
        continue;
      }
      Iterator<LossProvider> it = ServiceLoader.load(LossProvider.class, loader).iterator();
      // after an error the iterator moves on to the next listed class; the bound only guards a loop
      for (int attempt = 0; attempt < 10_000; attempt++) {
        try {
          if (!it.hasNext()) {
            break;
          }
          LossProvider p = it.next();
          if (seen.add(p.getClass())) {
            providers.add(p);
          }
        } catch (ServiceConfigurationError e) {
          failures.add(describe(e));
        } catch (LinkageError e) { // e.g. a class compiled for a newer Java, or missing a class it uses
          failures.add("a loss provider on the class path failed to load: " + describe(e));
        }
      }
    }
    return new LossProviders(providers, failures);
  }

  /** Every name offered, lower-case, sorted (names offered twice included: asking for one says why). */
  List<String> names() {
    return List.copyOf(offers.keySet());
  }

  /** "name (provider class)" for each name offered, for the list of known names; empty if none. */
  List<String> describedNames() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Offer>> e : offers.entrySet()) {
      out.add(e.getKey() + " (" + classes(e.getValue()) + ")");
    }
    return out;
  }

  /** The lines of the providers that failed to load or to list their names; empty if none. */
  List<String> failures() {
    return failures;
  }

  /**
   * The loss {@code key} (normalised) from the one provider that offers it, or {@code null} when none
   * does.
   *
   * @throws IllegalArgumentException when two providers offer it, or its provider fails
   */
  Loss create(String key, Map<String, ?> options) {
    List<Offer> list = offers.get(key);
    if (list == null) {
      return null;
    }
    if (list.size() > 1) {
      throw new IllegalArgumentException("loss '" + key + "' is offered by " + list.size()
          + " providers, " + classes(list) + "; keep only one of them on the class path");
    }
    Offer offer = list.get(0);
    String who = "loss '" + key + "' (provider " + offer.providerClass() + ")";
    Map<String, ?> given = options == null ? Map.of() : options;
    if (given.containsKey("reduction")) {
      throw new IllegalArgumentException("reduction is not an option of loss '" + key
          + "': it is an argument of LossEvaluation.evaluate (mean, sum or none)");
    }
    Loss loss;
    try {
      loss = offer.provider().create(offer.spelling(),
          Collections.unmodifiableMap(new LinkedHashMap<>(given)));
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalArgumentException(who + " failed: " + describe(e), e);
    }
    if (loss == null) {
      throw new IllegalArgumentException(who + " failed: create returned null");
    }
    String made = loss.name();
    if (made == null || !normalise(made).equals(key)) {
      throw new IllegalArgumentException(who + " failed: create returned a loss named "
          + (made == null ? "null" : "'" + made + "'") + " (" + loss.getClass().getName() + ")");
    }
    return loss;
  }

  /**
   * Refuses a built-in or composed name that a provider also offers, naming both classes.
   *
   * @throws IllegalArgumentException when a provider offers {@code key}
   */
  void requireNotOffered(String key, Loss builtIn) {
    List<Offer> list = offers.get(key);
    if (list != null) {
      throw new IllegalArgumentException("loss '" + key + "' is built in ("
          + builtIn.getClass().getName() + ") and also offered by provider " + classes(list)
          + ", which cannot replace it: rename the provider's loss");
    }
  }

  /** The option names the provider of {@code key} declares; empty when none, or none offers it. */
  Set<String> optionNames(String key) {
    List<Offer> list = offers.get(key);
    if (list == null || list.size() != 1) {
      return Set.of();
    }
    Offer offer = list.get(0);
    Set<String> names = offer.provider().optionNames(offer.spelling());
    return names == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(names));
  }

  private static String classes(List<Offer> list) {
    Set<String> names = new LinkedHashSet<>();
    for (Offer o : list) {
      names.add(o.providerClass());
    }
    return String.join(" and ", names);
  }

  /** One line for an exception: its message (its class too, unless it is a plain bad argument). */
  static String describe(Throwable e) {
    String message = e.getMessage();
    if (e instanceof ServiceConfigurationError) {
      String m = message == null ? "" : message;
      if (m.startsWith(SERVICE_PREFIX)) {
        m = m.substring(SERVICE_PREFIX.length());
      }
      String line = "a loss provider on the class path failed to load: " + m;
      Throwable cause = e.getCause();
      return oneLine(cause == null ? line : line + ": " + describe(cause));
    }
    if (e instanceof IllegalArgumentException && message != null && !message.isBlank()) {
      return oneLine(message);
    }
    String type = e.getClass().getSimpleName().isEmpty() ? e.getClass().getName()
        : e.getClass().getSimpleName();
    return oneLine(message == null || message.isBlank() ? type : type + ": " + message);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  static String normalise(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }
}
