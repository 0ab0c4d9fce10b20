package dev.losslab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher starts Spark with the Java options this module's tests run with. */
class SparkJavaOptionsTest {

  @Test
  void theLauncherPassesThePomsJavaOptions() throws Exception {
    String pom = System.getProperty("losslab.spark.java.options");
    assertThat(pom).as("set by the pom's surefire configuration").isNotBlank();
    Set<String> expected = new TreeSet<>(Arrays.asList(pom.trim().split("\\s+")));
    List<String> launcher = Files.readAllLines(Path.of("..", "losslab"));
    Set<String> found = new TreeSet<>();
    Pattern quoted = Pattern.compile("^\\s*spark_options=\"(.*)\"\\s*$");
    for (String line : launcher) {
      Matcher m = quoted.matcher(line);
      if (m.matches()) {
        for (String t : m.group(1).trim().split("\\s+")) {
          if (!t.isEmpty() && !t.equals("$spark_options")) {
            found.add(t);
          }
        }
      }
    }
    assertThat(found).isEqualTo(expected).hasSizeGreaterThan(10);
  }
}
