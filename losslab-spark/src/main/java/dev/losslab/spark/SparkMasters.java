package dev.losslab.spark;

import dev.losslab.sweep.EngineUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spark master URLs: which ones {@code --master} takes, and whether a standalone master answers
 * before Spark is asked to connect to it (Spark itself retries an absent master for a minute before
 * it gives up, and then with a stack trace).
 */
final class SparkMasters {
  private SparkMasters() {}

  private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");
  private static final Pattern STANDALONE =
      Pattern.compile("spark://[^:/,\\s]+:[0-9]{1,5}(,[^:/,\\s]+:[0-9]{1,5})*");

  /** How long to wait for a standalone master to accept a connection. */
  static final int CONNECT_MILLIS = 5_000;

  /** Whether {@code master} runs in this JVM ({@code local}, {@code local[N]}). */
  static boolean isLocal(String master) {
    return LOCAL.matcher(master).matches();
  }

  /**
   * Checks the form of {@code master}.
   *
   * @throws IllegalArgumentException naming it and the forms there are
   */
  static void checkForm(String master) {
    if (isLocal(master) || STANDALONE.matcher(master).matches() || master.equals("yarn")
        || master.startsWith("k8s://")) {
      return;
    }
    throw new IllegalArgumentException("--master (" + master + ") is not a Spark master: give local[N],"
        + " local[*], spark://HOST:PORT, yarn or k8s://URL");
  }

  /**
   * Checks that a standalone master ({@code spark://HOST:PORT}, or several joined by commas) accepts
   * a connection; other masters are left to Spark.
   *
   * @throws EngineUnavailableException naming the master and why when none of its hosts answers
   */
  static void checkReachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    List<String> why = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = hostPort.substring(0, colon);
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
        return;
      } catch (IOException | IllegalArgumentException e) {
        why.add(hostPort + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
    throw new EngineUnavailableException("Spark master " + master + " cannot be reached ("
        + String.join("; ", why) + ")");
  }
}
