package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.QuantizeOptions;
import dev.losslab.text.Quantizer;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.TrainingDiverged;
import dev.losslab.text.format.ModelSidecar;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quantize}: fastText's {@code quantize} — reads {@code PREFIX.bin}, prunes its input matrix to
 * the {@code -cutoff} rows of largest norm (retraining them with {@code -retrain}), product-quantizes
 * it (and with {@code -qout} the output matrix), and writes {@code PREFIX.ftz}, a file fastText reads
 * (with {@code PREFIX.ftz.losslab} when {@code PREFIX.bin} has a sidecar).
 * The work is {@link Quantizer}'s; this class parses the flags and reports.
 */
@Command(name = "quantize", sortOptions = false,
    description = {"Shrink a model (fastText's quantize: same flags and defaults): reads PREFIX.bin and writes PREFIX.ftz, a quantized model fastText reads too.",
        "The input matrix is cut into sub-vectors of -dsub values, each replaced by the index of the nearest of 256 centroids found by k-means (as fastText runs it). -cutoff N first keeps only the N rows (words and n-grams) of largest norm; -retrain then trains the kept rows further on -input. -qnorm stores each row's norm separately; -qout quantizes the output matrix too (it needs at least 256 labels).",
        "-input is read only with -retrain and a -cutoff, but fastText asks for it always, and so does this command. Training flags such as -dim or -wordNgrams are accepted and ignored with a warning, as fastText ignores them: the model keeps its own settings."})
public final class QuantizeCommand implements Callable<Integer> {

  @Option(names = "-input", required = true, paramLabel = "FILE", description = "training file path (read with -retrain)")
  Path input;

  @Option(names = "-output", required = true, paramLabel = "PREFIX", description = "model prefix: reads PREFIX.bin, writes PREFIX.ftz")
  String output;

  @Option(names = "-cutoff", paramLabel = "N", description = "number of words and ngrams to retain [0 = all]") int cutoff;
  @Option(names = "-retrain", description = "whether embeddings are finetuned if a cutoff is applied") boolean retrain;
  @Option(names = "-qnorm", description = "whether the norm is quantized separately") boolean qnorm;
  @Option(names = "-qout", description = "whether the classifier is quantized") boolean qout;
  @Option(names = "-dsub", paramLabel = "N", description = "size of each sub-vector [2]") int dsub = 2;
  @Option(names = "-epoch", paramLabel = "N", description = "number of epochs of -retrain [5]") int epoch = 5;
  @Option(names = "-lr", paramLabel = "X", description = "learning rate of -retrain [0.05]") double lr = 0.05;
  @Option(names = "-thread", paramLabel = "N", description = "number of threads (retraining and k-means) [available processors]") Integer thread;
  @Option(names = "-verbose", paramLabel = "N", description = "verbosity level [2]") int verbose = 2;

  /** Flags fastText's quantize parses and then does not use: accepted with a warning. */
  @Option(names = {"-dim", "-ws", "-minCount", "-minCountLabel", "-neg", "-wordNgrams", "-loss",
      "-bucket", "-minn", "-maxn", "-lrUpdateRate", "-t", "-label", "-seed"}, hidden = true,
      paramLabel = "V")
  java.util.List<String> ignored = new java.util.ArrayList<>();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin InputFormatOptions inputFormat = new InputFormatOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help") boolean help;

  /** The options as parsed, checked (a bad value names its flag). */
  QuantizeOptions options() {
    QuantizeOptions d = QuantizeOptions.defaults();
    return new QuantizeOptions(cutoff, qnorm, qout, dsub, retrain, epoch, lr,
        thread != null ? thread : d.thread());
  }

  @Override
  public Integer call() {
    try {
      return quantize();
    } catch (OutOfMemoryError e) {
      throw new Errors.UserException("out of memory quantizing " + output + ".bin (the model and the"
          + " rows its cutoff keeps must fit in the heap at once; raise it with LOSSLAB_JAVA_OPTS=-Xmx...)");
    }
  }

  private int quantize() {
    QuantizeOptions o = options();
    inputFormat.parsed(); // an unknown -format fails before anything is read
    PrintStream err = System.err;
    int ignoredFlags = ignored.size();
    if (ignoredFlags > 0 && verbose > 0) {
      java.io.PrintWriter w = spec.commandLine().getErr();
      w.println("losslab quantize: warning: " + ignoredFlags + " training flag"
          + (ignoredFlags == 1 ? "" : "s") + " ignored (the model's own settings are kept, as in fastText)");
      w.flush();
    }
    Path bin = Path.of(output + ".bin");
    Path ftz = Path.of(output + ".ftz");
    long t0 = System.nanoTime();
    // held only here, so that the quantizer can let the full input matrix go once it is pruned
    AtomicReference<TextClassifier> model = new AtomicReference<>(ModelOption.load(bin));
    if (model.get().model().isQuantized()) {
      throw new Errors.UserException(bin + ": the model is already quantized");
    }
    boolean retrains = o.retrain() && Quantizer.prunes(model.get(), o);
    TextClassifier q;
    TrainingProgress progress = null;
    try {
      if (retrains) {
        progress = new TrainingProgress(err, System.console() != null, verbose, null, 0);
        q = Quantizer.quantizeReleasing(model, o, inputFormat.source(input, model.get().args().label()),
            input.toString(), progress);
        progress.finish(null);
      } else {
        q = Quantizer.quantizeReleasing(model, o.withRetrain(false), null, null, null);
      }
    } catch (TrainingDiverged e) {
      if (progress != null) {
        progress.finish(null);
      }
      throw new Errors.UserException("retraining stopped: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new Errors.UserException(m.startsWith(input.toString()) ? m : bin + ": " + m);
    }
    ModelOutput.removeLeftovers(spec.commandLine().getErr(), "quantize", output,
        List.of(ftz, ModelSidecar.pathFor(ftz)));
    try {
      // A sidecar only when the .bin has one: a fastText model stays a plain fastText model.
      ModelFiles.save(q, ftz, Files.exists(ModelSidecar.pathFor(bin)));
    } catch (IOException e) {
      throw new Errors.UserException(ftz + ": cannot write the model (" + e.getMessage() + ")");
    }
    if (verbose > 1) {
      err.printf("wrote %s (%.1fs in all)%n", ftz, (System.nanoTime() - t0) / 1e9);
    }
    return Errors.OK;
  }
}
