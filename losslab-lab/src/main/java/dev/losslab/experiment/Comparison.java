package dev.losslab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every loss of a {@link CompareConfig} with every seed on the same data, one run at a time.
 * {@link Lab#compare} runs them and builds their report in one call.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * Trains all runs in order (loss by loss, seeds 1 … n) and calls {@code onRun} after each.
   *
   * @return the runs, in that order
   */
  public static List<RunResult> run(CompareConfig config, CompareData data,
      Consumer<RunResult> onRun) {
    List<RunResult> out = new ArrayList<>();
    for (LossChoice loss : config.losses()) {
      for (long seed = 1; seed <= config.seeds(); seed++) {
        RunResult r = DenseRun.run(loss, seed, config.setup(), data.train(), data.test(),
            config.sample(), config.stallThreshold());
        out.add(r);
        onRun.accept(r);
      }
    }
    return out;
  }

  /**
   * Trains every loss and seed with the text classifier on {@code data}.
   *
   * @throws IllegalArgumentException when a loss smooths its targets ({@link #checkText})
   */
  public static List<RunResult> runText(CompareConfig config, TextData data,
      dev.losslab.text.Args args, Consumer<RunResult> onRun) {
    checkText(config);
    List<RunResult> out = new ArrayList<>();
    for (LossChoice loss : config.losses()) {
      for (long seed = 1; seed <= config.seeds(); seed++) {
        RunResult r = TextRun.run(loss, seed, args, data, config.sample(), config.stallThreshold());
        out.add(r);
        onRun.accept(r);
      }
    }
    return out;
  }

  /**
   * Checks that every loss of {@code config} suits the text classifier, which builds its own targets:
   * none may ask for {@code smoothing=} (cross-entropy's own {@code labelSmoothing} does the same).
   *
   * @throws IllegalArgumentException naming the first loss that does
   */
  public static void checkText(CompareConfig config) {
    for (LossChoice lc : config.losses()) {
      if (lc.smoothing() > 0) {
        throw new IllegalArgumentException("loss '" + lc.label() + "': smoothing= is for dense data; the"
            + " text classifier builds its own targets (use cross-entropy:labelSmoothing=...)");
      }
    }
  }
}
