package dev.losslab.experiment;

import dev.losslab.report.Report;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The provenance every report carries: losslab and Java versions, OS, cores, and when it ran. */
public final class Provenance {
  private Provenance() {}

  /** losslab's version, from the jar's manifest; {@code dev} when run from classes. */
  public static String version() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Adds version, Java, OS, cores and time to {@code b}'s configuration. */
  public static void addTo(Report.Builder b) {
    b.configure("losslab.version", version())
        .configure("java.version", System.getProperty("java.version"))
        .configure("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
        .configure("cores", Runtime.getRuntime().availableProcessors())
        .configure("created", Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }
}
