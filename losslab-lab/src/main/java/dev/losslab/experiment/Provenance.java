package dev.losslab.experiment;

import dev.losslab.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The provenance every report carries: losslab and Java versions, OS, cores, and when it ran. */
public final class Provenance {
  private Provenance() {}

  /** Content hashes of the code locations seen so far, by location. */
  private static final Map<Path, String> LOCATIONS = new ConcurrentHashMap<>();

  /** losslab's version, from the jar's manifest; {@code dev} when run from classes. */
  public static String version() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * An id of the code that {@code classes} were loaded from: the first 12 hex digits of a SHA-256 over
   * the content of each distinct location — a jar's bytes, or the relative name and bytes of every
   * file under a class folder — whatever the paths. Classes without a location (the JDK's) add
   * nothing. A rebuilt jar or an edited class gives another id; the same jar copied elsewhere the same.
   *
   * @throws UncheckedIOException naming the location when it cannot be read
   */
  public static String codeId(Class<?>... classes) {
    TreeSet<String> hashes = new TreeSet<>();
    for (Class<?> c : classes) {
      Path p = location(c);
      if (p != null) {
        hashes.add(LOCATIONS.computeIfAbsent(p, Provenance::hash));
      }
    }
    MessageDigest md = sha256();
    for (String h : hashes) {
      md.update(h.getBytes(StandardCharsets.US_ASCII));
    }
    return HexFormat.of().formatHex(md.digest()).substring(0, 12);
  }

  /**
   * The {@link #codeId} of the code that trains a run of a loss of class {@code lossClass}: losslab's
   * own and the loss's (the same for a built-in loss; for a {@code LossProvider}'s class, its jar or
   * folder too). Part of a run's key, so that a stored run is not reused by a rebuilt losslab, nor
   * after the user's loss class has changed.
   */
  public static String trainingCode(Class<?> lossClass) {
    return codeId(Provenance.class, dev.losslab.loss.Loss.class, lossClass);
  }

  private static Path location(Class<?> c) {
    CodeSource cs = c.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null || !"file".equals(cs.getLocation().getProtocol())) {
      return null;
    }
    try {
      return Path.of(cs.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String hash(Path location) {
    MessageDigest md = sha256();
    try {
      if (Files.isDirectory(location)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(location)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          md.update(location.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
          digest(md, f);
        }
      } else {
        digest(md, location);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location + " to identify its code: "
          + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void digest(MessageDigest md, Path file) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
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
