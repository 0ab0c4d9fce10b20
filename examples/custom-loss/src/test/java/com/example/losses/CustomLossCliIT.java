package com.example.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line finds this project's loss: the repository's real {@code ./losslab} launcher, run as
 * a user runs it, with {@code LOSSLAB_CLASSPATH} set to the jar just packaged (or the classes folder).
 * {@code LOSSLAB_NO_BUILD=1} keeps the launcher from building: the reactor built its jar before this
 * project. Run by failsafe in {@code mvn verify} inside the losslab repository (profile
 * {@code in-losslab-repository}).
 */
class CustomLossCliIT {
  private static final String PROVIDER = "com.example.losses.CustomLosses";

  @TempDir Path tmp;

  /** What one run of the launcher left: exit code, standard output, standard error. */
  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nout: " + out + "\nerr: " + err;
    }
  }

  private static Path property(String name) {
    String v = System.getProperty(name);
    if (v == null) {
      throw new IllegalStateException("system property " + name + " is not set: run through mvn verify");
    }
    return Path.of(v);
  }

  private Run losslab(String classpath, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(property("losslab.launcher").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.remove("LOSSLAB_DEBUG");
    env.remove("LOSSLAB_JAVA_OPTS");
    env.remove("LOSSLAB_CLASSPATH");
    env.put("LOSSLAB_NO_BUILD", "1");
    if (classpath != null) {
      env.put("LOSSLAB_CLASSPATH", classpath);
    }
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Path in = Files.writeString(Files.createTempFile(tmp, "in", ".txt"), stdin == null ? "" : stdin);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("losslab " + args[0] + " did not finish within 180 s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String jar() {
    return property("custom.loss.jar").toString();
  }

  private static double closedForm(double epsilon, double... differences) {
    double sum = 0;
    for (double d : differences) {
      sum += Math.sqrt(d * d + epsilon * epsilon) - epsilon;
    }
    return sum / differences.length;
  }

  private static double printedValue(String out) {
    Matcher m = Pattern.compile("(?m)^value +(\\S+)$").matcher(out);
    assertTrue(m.find(), out);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void lossEvaluatesTheJarsLoss() throws Exception {
    Run r = losslab(jar(), null, "loss", "charbonnier", "--scores", "0.5,-1;3,0", "--target", "0,0;1,1",
        "--option", "epsilon=0.5");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("loss       charbonnier epsilon=0.5"), r::toString);
    assertEquals(closedForm(0.5, 0.5, -1, 2, -1), printedValue(r.out()), 1e-14);
    assertEquals("", r.err());
  }

  @Test
  void aClassesFolderWorksAsWellAsAJar() throws Exception {
    Run r = losslab(property("custom.loss.classes").toString(), null, "loss", "charbonnier",
        "--scores", "2", "--target", "0");
    assertEquals(0, r.code(), r::toString);
    assertEquals(closedForm(1e-3, 2), printedValue(r.out()), 1e-14);
  }

  @Test
  void jsonLinesAnswerAFailingOptionOnItsLineOnly() throws Exception {
    String in = "{\"loss\":\"charbonnier\",\"scores\":[[3,-1]],\"target\":[[0,0]],\"options\":{\"epsilon\":1}}\n"
        + "{\"loss\":\"charbonnier\",\"scores\":[[3,-1]],\"target\":[[0,0]],\"options\":{\"epsilon\":-1}}\n"
        + "{\"loss\":\"charbonnier\",\"scores\":[[3,-1]],\"target\":[[0,0]]}\n";
    Run r = losslab(jar(), in, "loss", "--jsonl");
    assertEquals(0, r.code(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r::toString);
    Matcher first = Pattern.compile("^\\{\"value\":([^,]+),\"gradient\":").matcher(lines.get(0));
    assertTrue(first.find(), lines.get(0));
    assertEquals(closedForm(1, 3, -1), Double.parseDouble(first.group(1)), 1e-15);
    assertEquals("{\"error\":\"line 2: loss 'charbonnier' (provider " + PROVIDER
        + ") failed: epsilon (-1.0) must be > 0 and finite\"}", lines.get(1));
    assertTrue(lines.get(2).startsWith("{\"value\":"), lines.get(2));
  }

  @Test
  void gradcheckPassesEveryPoint() throws Exception {
    Run r = losslab(jar(), null, "gradcheck", "charbonnier");
    assertEquals(0, r.code(), r::toString);
    assertTrue(Pattern.compile("(?m)^charbonnier +60 +60 +0 .* ok$").matcher(r.out()).find(), r::toString);
    assertTrue(r.out().contains("1 of 1 passed"), r::toString);
  }

  @Test
  void compareTrainsWithIt() throws Exception {
    Run r = losslab(jar(), null, "compare", "--loss", "charbonnier:epsilon=0.5,cross-entropy", "--seeds", "1",
        "--epochs", "1", "--generated-size", "150,60", "--sample", "50", "-o", tmp.resolve("report").toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("charbonnier:epsilon=0.5"), r::toString);
    assertTrue(Files.isRegularFile(tmp.resolve("report/results.csv")));
  }

  @Test
  void aFailingProviderAnUnknownNameAndAMissingPathAreOneLineAndExitTwo() throws Exception {
    Run bad = losslab(jar(), null, "loss", "charbonnier", "--scores", "1", "--target", "0",
        "--option", "epsilon=-1");
    assertEquals(2, bad.code(), bad::toString);
    assertEquals("losslab loss: loss 'charbonnier' (provider " + PROVIDER
        + ") failed: epsilon (-1.0) must be > 0 and finite", bad.err().strip());
    assertEquals("", bad.out());

    Run unknown = losslab(jar(), null, "loss", "charbonier", "--scores", "1", "--target", "0");
    assertEquals(2, unknown.code(), unknown::toString);
    assertEquals(1, unknown.err().strip().lines().count(), unknown::toString);
    assertTrue(unknown.err().startsWith("losslab loss: unknown loss 'charbonier' (known: "), unknown::toString);
    assertTrue(unknown.err().contains("charbonnier (" + PROVIDER + ")"), unknown::toString);

    Run without = losslab(null, null, "loss", "charbonnier", "--scores", "1", "--target", "0");
    assertEquals(2, without.code(), without::toString);
    assertTrue(without.err().startsWith("losslab loss: unknown loss 'charbonnier'"), without::toString);

    String missing = tmp.resolve("no-such.jar").toString();
    Run path = losslab(jar() + ":" + missing, null, "loss", "charbonnier", "--scores", "1", "--target", "0");
    assertEquals(2, path.code(), path::toString);
    assertEquals("losslab: LOSSLAB_CLASSPATH entry '" + missing + "' does not exist", path.err().strip());
    assertEquals("", path.out());
  }
}
