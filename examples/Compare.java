import dev.losslab.data.GaussianClusters;
import dev.losslab.experiment.CompareConfig;
import dev.losslab.experiment.CompareData;
import dev.losslab.experiment.CompareResult;
import dev.losslab.experiment.Lab;
import dev.losslab.experiment.ModelSetup;
import java.nio.file.Path;

/**
 * Compares three losses, one of them typed as a formula, on generated data and writes the report:
 * the lab's API in a dozen lines. A single-file program, run from the root of the repository with the
 * lab on the class path; the CLI's jar holds the lab and everything it needs:
 *
 * <pre>
 * mvn -B -ntp -pl losslab-cli -am package -DskipTests
 * java -cp losslab-cli/target/losslab.jar examples/Compare.java report-example
 * </pre>
 *
 * It takes a few seconds and writes {@code report-example/index.html}, {@code results.csv},
 * {@code results.json} and the figures.
 */
public class Compare {

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -cp LAB_CLASSPATH examples/Compare.java OUT_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[0]);

    // Data: three Gaussian clusters in 10 dimensions whose centres lie about 2.5 apart (the world fixed
    // by seed 1); 400 training and 200 test examples drawn from it.
    CompareData data = CompareData.generated(new GaussianClusters(3, 10, 2.5, 0.0, 1L), 400, 200);

    // What to compare: cross-entropy, generalized cross-entropy and MAE on the probabilities typed as
    // a formula, two seeds each, on the lab's default network (one hidden layer of 32 ReLU units, SGD
    // with momentum 0.9, η = 0.05, batch 32) trained for 5 epochs instead of 20.
    CompareConfig config = CompareConfig.of("cross-entropy,gce,formula:1 - p[label]", 2,
        ModelSetup.defaults().withEpochs(5));

    CompareResult result = Lab.compare(config, data,
        run -> System.out.println(run.loss() + " seed " + run.seed() + ": " + (run.diverged()
            ? "diverged" : "test accuracy " + run.last().testAccuracy())));
    System.out.println();
    System.out.print(result.summary());

    Path index = Lab.write(result.report(), out);
    System.out.printf("%n%d runs in %.1f s; wrote %s%n", result.runs().size(), result.seconds(), index);
  }
}
