package dev.losslab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds an engine by name: {@value #IN_PROCESS} is built in; any other comes from a
 * {@link SweepEngineProvider} on the class path ({@value #SPARK} from {@code losslab-spark}).
 */
public final class SweepEngines {
  private SweepEngines() {}

  /** The default engine: threads of this JVM. */
  public static final String IN_PROCESS = "in-process";

  /** Apache Spark, from {@code losslab-spark}. */
  public static final String SPARK = "spark";

  /** The names {@code --engine} takes. */
  public static final List<String> NAMES = List.of(IN_PROCESS, SPARK);

  /**
   * Starts the engine called {@code name}.
   *
   * @throws IllegalArgumentException when no engine has that name
   * @throws EngineUnavailableException when it is known but not on the class path, or cannot start
   */
  public static SweepEngine open(String name, EngineSettings settings) {
    if (name.equals(IN_PROCESS)) {
      return new InProcessEngine(settings.threads());
    }
    return provider(name).open(settings);
  }

  /**
   * Checks that the engine called {@code name} is there and takes {@code settings}, without starting
   * it: what a sweep whose runs are all stored (and so never opens its engine) still checks.
   *
   * @throws IllegalArgumentException when no engine has that name, or it cannot take the settings
   * @throws EngineUnavailableException when it is known but not on the class path
   */
  public static void check(String name, EngineSettings settings) {
    if (!name.equals(IN_PROCESS)) {
      provider(name).check(settings);
    }
  }

  private static SweepEngineProvider provider(String name) {
    List<String> found = new ArrayList<>();
    for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class,
        SweepEngines.class.getClassLoader())) {
      if (p.name().equals(name)) {
        return p;
      }
      found.add(p.name());
    }
    if (!NAMES.contains(name) && !found.contains(name)) {
      throw new IllegalArgumentException("engine '" + name + "' is unknown; the engines are "
          + String.join(", ", NAMES));
    }
    throw new EngineUnavailableException("engine '" + name + "' is not on the class path: run"
        + " ./losslab, which builds losslab-spark when --engine spark is asked for, or build it with"
        + " mvn -B -ntp -pl losslab-spark -am package and add its jar and Spark's to the class path");
  }
}
