package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.Args;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.TrainingDiverged;
import dev.losslab.text.autotune.Autotune;
import dev.losslab.text.autotune.AutotuneMetric;
import dev.losslab.text.autotune.AutotuneResult;
import dev.losslab.text.autotune.AutotuneSettings;
import dev.losslab.text.autotune.ModelSize;
import dev.losslab.text.autotune.ProductQuantization;
import dev.losslab.text.autotune.Quantizer;
import dev.losslab.text.autotune.SearchLoss;
import dev.losslab.text.autotune.SearchParam;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code supervised -autotune-validation FILE}: checks the autotune flags, runs the search with its
 * progress, writes {@code PREFIX.autotune.csv} as it goes, then the final model ({@code PREFIX.bin}, or
 * {@code PREFIX.ftz} with {@code -autotune-modelsize}).
 */
final class AutotuneRun {
  private AutotuneRun() {}

  /** The quantizer trials are quantized with for {@code -autotune-modelsize}: the product quantizer. */
  static Quantizer quantizer() {
    return new ProductQuantization();
  }

  static int run(Args args, Set<SearchParam> fixed, AutotuneOptions o, Path input,
      InputFormatOptions inputFormat, String output, boolean seedGiven,
      dev.losslab.text.TrainingData.Options reading, boolean saveVec, PrintStream err) {
    AutotuneMetric metric = o.metric == null ? AutotuneMetric.f1() : AutotuneMetric.parse(o.metric);
    AutotuneSettings.Builder b = AutotuneSettings.builder(
            inputFormat.source(o.validation, args.label()), o.validation.toString())
        .metric(metric).fixed(fixed).earlyStopping(o.earlyStopping())
        .csv(Path.of(output + ".autotune.csv"))
        // the corpus files go next to the output, as supervised puts them
        .tempFolder(Path.of(output + ".autotune.csv").toAbsolutePath().getParent())
        .reading(reading);
    if (o.predictions != null) b.predictions(o.predictions);
    if (o.duration != null) b.durationSeconds(o.duration);
    if (o.trials != null) b.maxTrials(o.trials);
    if (o.dsub != null) b.dsub(o.dsub);
    if (o.losses != null) {
      if (fixed.contains(SearchParam.LOSS)) {
        throw new IllegalArgumentException(
            "-autotune-losses searches the loss; it cannot be used with -loss, which fixes it");
      }
      b.losses(SearchLoss.parseList(o.losses, args));
    }
    Optional<ModelSize> size = Optional.ofNullable(o.modelSize).map(ModelSize::parse);
    AutotuneSettings settings = b.build();
    if (size.isPresent()) {
      settings = b.modelSize(size.get(), quantizer()).build();
    }
    metric.warning().ifPresent(w -> err.println("Warning: " + w));
    if (args.verbose() > 0) {
      for (SearchParam p : SearchParam.values()) {
        if (fixed.contains(p) && (p != SearchParam.DSUB || size.isPresent())) {
          err.println("Warning: -" + p.flag() + " is set by hand; the search leaves it as given");
        }
      }
      if (seedGiven && args.thread() == 1 && o.trials == null) {
        err.println("Note: the search follows the clock; add -autotune-trials N to repeat it exactly"
            + " with -seed and -thread 1");
      }
    }
    boolean tty = System.console() != null;
    AutotuneProgress progress = new AutotuneProgress(err, tty, args.verbose(),
        settings.durationSeconds());
    AutotuneResult result;
    try {
      result = Autotune.run(args, inputFormat.source(input, args.label()), input.toString(), settings,
          progress);
    } catch (Autotune.NoTrialFinished e) {
      progress.finish();
      throw new Errors.UserException(e.getMessage());
    } catch (TrainingDiverged e) {
      progress.finish();
      throw new Errors.UserException("the final training stopped: " + e.getMessage());
    } catch (Autotune.BadSetting e) {
      progress.finish();
      throw new Errors.UserException(e.getMessage(), Errors.USAGE);
    } catch (IllegalArgumentException e) {
      progress.finish(); // the data: as supervised reports it
      throw new Errors.UserException(e.getMessage());
    }
    progress.finish();
    Path out;
    try {
      if (result.quantized().isPresent()) {
        out = Path.of(output + ".ftz");
        result.quantized().get().save(out);
      } else {
        out = Path.of(output + ".bin");
        ModelFiles.save(result.model(), out);
      }
    } catch (IOException e) {
      throw new Errors.UserException(output + ": cannot write the model (" + e.getMessage() + ")");
    }
    if (saveVec) {
      ModelOutput.writeVec(result.model(), Path.of(output + ".vec"));
    }
    if (args.verbose() > 0) {
      err.println(String.format(Locale.ROOT,
          "best: trial %d of %d, %s %.6f; final model %.6f on %s; wrote %s and %s",
          result.best().number(), result.trials().size(), metric.text(), result.best().score(),
          result.finalScore(), o.validation, out, settings.csv().orElseThrow()));
    }
    return Errors.OK;
  }
}
