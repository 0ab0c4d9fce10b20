package dev.losslab.text.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The programs the interop tests compare against (fastText, Python with its binding): finding them on
 * the {@code PATH} and running them. Shared with the command-line module's tests through this
 * module's test jar.
 */
public final class ExternalProgram {
  private ExternalProgram() {}

  /** An executable file named {@code program} in a folder of the {@code PATH}. */
  public static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d).resolve(program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code cmd} in {@code dir} with {@code stdin} as its standard input; returns what it wrote on
   * standard output.
   *
   * @throws AssertionError if it does not finish within {@code timeoutSeconds} or exits non-zero (the
   *     message holds the command and its standard error)
   */
  public static byte[] run(Path dir, byte[] stdin, List<String> cmd, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile()).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    }
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(cmd + " did not finish in " + timeoutSeconds + " s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("exit " + p.exitValue() + " of " + cmd + ": " + Files.readString(err));
    }
    Files.delete(err);
    return out;
  }
}
