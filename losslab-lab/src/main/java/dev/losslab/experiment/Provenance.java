package dev.losslab.experiment;

import dev.losslab.report.Report;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The provenance every report carries: losslab and Java versions, OS, cores, and when it ran. */
public final class Provenance {
  private Provenance() {}

  /** Adds version, Java, OS, cores and time to {@code b}'s configuration. */
  public static void addTo(Report.Builder b) {
    String v = Provenance.class.getPackage().getImplementationVersion();
    b.configure("losslab.version", v == null ? "dev" : v)
        .configure("java.version", System.getProperty("java.version"))
        .configure("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
        .configure("cores", Runtime.getRuntime().availableProcessors())
        .configure("created", Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }
}
