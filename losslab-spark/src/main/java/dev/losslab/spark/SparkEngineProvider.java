package dev.losslab.spark;

import dev.losslab.sweep.EngineSettings;
import dev.losslab.sweep.EngineUnavailableException;
import dev.losslab.sweep.SweepEngine;
import dev.losslab.sweep.SweepEngineProvider;
import dev.losslab.sweep.SweepEngines;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Offers {@code --engine spark}. The master is {@link EngineSettings#master()}, else the one
 * {@code spark-submit} set ({@code spark.master}), else {@code local[*]}. Spark's log is kept to
 * warnings unless a log4j2 configuration is given (under {@code spark-submit}, Spark's own). A local
 * master is an embedded Spark in this JVM (no UI, bound to 127.0.0.1); for a cluster's master run from the launcher, the jars that hold losslab
 * are handed to the executors ({@code spark.jars}) unless {@code spark-submit} already did.
 */
public final class SparkEngineProvider implements SweepEngineProvider {

  /** The quiet log configuration of an embedded Spark, a resource of this jar. */
  static final String LOG_CONFIG = "dev/losslab/spark/log4j2-embedded.properties";

  @Override
  public String name() {
    return SweepEngines.SPARK;
  }

  /** Checks the form of the master, if one is given; reaches no machine. */
  @Override
  public void check(EngineSettings settings) {
    if (settings.master() != null) {
      SparkMasters.checkForm(settings.master());
    }
  }

  /**
   * Starts a Spark context.
   *
   * @throws IllegalArgumentException when the master is not a Spark master URL
   * @throws EngineUnavailableException when the master cannot be reached or Spark cannot start
   */
  @Override
  public SweepEngine open(EngineSettings settings) {
    // spark-submit passes its master as a system property; read before any Spark class starts logging
    String master = settings.master() != null ? settings.master()
        : System.getProperty("spark.master", "local[*]");
    SparkMasters.checkForm(master);
    SparkMasters.checkReachable(master);
    if (System.getProperty("log4j2.configurationFile") == null
        && System.getProperty("log4j.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "classpath:" + LOG_CONFIG);
    }
    SparkConf conf = new SparkConf(true);
    conf.setMaster(master).setIfMissing("spark.app.name", "losslab compare");
    if (SparkMasters.isLocal(master)) {
      conf.setIfMissing("spark.ui.enabled", "false")
          .setIfMissing("spark.driver.host", "127.0.0.1")
          .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    } else if (!conf.contains("spark.jars")) {
      Set<String> jars = new LinkedHashSet<>();
      for (Class<?> c : new Class<?>[] {SparkEngineProvider.class, SweepEngines.class,
          dev.losslab.loss.Loss.class}) {
        jars.addAll(java.util.Arrays.asList(JavaSparkContext.jarOfClass(c)));
      }
      conf.setJars(jars.toArray(String[]::new));
    }
    try {
      return new SparkEngine(new JavaSparkContext(conf));
    } catch (RuntimeException | ExceptionInInitializerError | NoClassDefFoundError e) {
      throw new EngineUnavailableException("Spark could not start on master " + master + ": "
          + SparkEngine.oneLine(e), e);
    }
  }
}
