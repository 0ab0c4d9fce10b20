package dev.losslab.cli.text;

import dev.losslab.cli.Errors;
import dev.losslab.text.Args;
import dev.losslab.text.Corpus;
import dev.losslab.text.Head;
import dev.losslab.text.Heads;
import dev.losslab.text.InputIssue;
import dev.losslab.text.ModelFiles;
import dev.losslab.text.ModelMemory;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.Trainer;
import dev.losslab.text.TrainingData;
import dev.losslab.text.TrainingDiverged;
import dev.losslab.text.autotune.SearchParam;
import dev.losslab.text.format.ModelSidecar;
import dev.losslab.text.format.VecFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code supervised}: trains a text classifier with fastText's flags and defaults, and writes
 * {@code PREFIX.bin} (a fastText model) and {@code PREFIX.bin.losslab} (its sidecar), and with
 * {@code -saveVec} {@code PREFIX.vec}. Input is read as fastText reads it; doubtful lines get one
 * warning per kind ({@code -strict} makes them errors).
 */
@Command(name = "supervised", sortOptions = false,
    description = {"Train a text classifier (fastText's supervised: same flags and defaults).",
        "Writes PREFIX.bin, a fastText model file, and PREFIX.bin.losslab, its sidecar; with -saveVec"
            + " also PREFIX.vec, every word's vector as fastText writes it.",
        "Input is read as fastText reads it: invalid UTF-8 as bytes, a line of labels alone as an"
            + " example whose one input is </s>, a line of words alone skipped. Each kind gets one"
            + " warning with its count and first FILE:LINE; -strict makes them errors.",
        "With -autotune-validation FILE it first searches the arguments that score best on FILE, as fastText's autotune does: trial 1 trains with the given arguments, every later trial draws lr, dim, epoch, wordNgrams, bucket, minn/maxn and dsub (and with -autotune-losses the loss) around the best trial so far, and flags given by hand stay as given. A trial whose first-epoch training loss is not below the median of the earlier trials' is stopped there; one cut short by the time is scored as it stands. When -autotune-duration is spent the best arguments train the model once more. Every trial is written to PREFIX.autotune.csv."})
public final class SupervisedCommand implements Callable<Integer> {

  @Option(names = "-input", required = true, paramLabel = "FILE", description = "training file path")
  Path input;

  @Option(names = "-output", required = true, paramLabel = "PREFIX", description = "output file path prefix")
  String output;

  @Option(names = "-lr", paramLabel = "X", description = "learning rate [0.1]") Double lr;
  @Option(names = "-lrUpdateRate", paramLabel = "N", description = "change the rate of updates for the learning rate [100]") Integer lrUpdateRate;
  @Option(names = "-dim", paramLabel = "N", description = "size of word vectors [100]") Integer dim;
  @Option(names = "-ws", paramLabel = "N", description = "size of the context window (unused in supervised) [5]") Integer ws;
  @Option(names = "-epoch", paramLabel = "N", description = "number of epochs [5]") Integer epoch;
  @Option(names = "-minCount", paramLabel = "N", description = "minimal number of word occurrences [1]") Integer minCount;
  @Option(names = "-minCountLabel", paramLabel = "N", description = "minimal number of label occurrences [0]") Integer minCountLabel;
  @Option(names = "-neg", paramLabel = "N", description = "number of negatives sampled (ns) [5]") Integer neg;
  @Option(names = "-wordNgrams", paramLabel = "N", description = "max length of word ngram [1]") Integer wordNgrams;
  @Option(names = "-loss", paramLabel = "NAME", description = "softmax, ova, ns, hs, or any core loss (cross-entropy, mse, focal, ...) [softmax]") String loss;
  @Option(names = "-bucket", paramLabel = "N", description = "number of buckets [2000000]") Integer bucket;
  @Option(names = "-minn", paramLabel = "N", description = "min length of char ngram [0]") Integer minn;
  @Option(names = "-maxn", paramLabel = "N", description = "max length of char ngram [0]") Integer maxn;
  @Option(names = "-thread", paramLabel = "N", description = "number of threads [available processors]") Integer thread;
  @Option(names = "-t", paramLabel = "X", description = "sampling threshold (unused in supervised) [0.0001]") Double t;
  @Option(names = "-label", paramLabel = "PREFIX", description = "labels prefix [__label__]") String label;
  @Option(names = "-verbose", paramLabel = "N", description = "verbosity level [2]") Integer verbose;
  @Option(names = "-seed", paramLabel = "N", description = "random seed; with -thread 1 the model is bit-identical run after run [0]") Long seed;

  @Option(names = "-pretrainedVectors", paramLabel = "FILE", description = "pretrained word vectors (.vec) for the rows of the words they hold, as fastText; DIM must equal -dim []")
  Path pretrainedVectors;
  @Option(names = "-saveVec", description = "also write PREFIX.vec: every word and its vector, as fastText writes it")
  boolean saveVec;
  @Option(names = "-strict", description = "fail on invalid UTF-8, on a line with labels but no words and on one with words but no label, instead of reading them as fastText does")
  boolean strict;

  @Option(names = "-validation", paramLabel = "FILE", description = "labelled file scored (P@1, R@1) after every epoch")
  Path validation;
  @Option(names = "-patience", paramLabel = "N", description = "with -validation: stop after N epochs without a better P@1 (0 = never) [0]")
  int patience;

  @picocli.CommandLine.Mixin AutotuneOptions autotune = new AutotuneOptions();

  @Option(names = "-labelSmoothing", paramLabel = "X", description = "core loss option") Double labelSmoothing;
  @Option(names = "-weight", paramLabel = "WEIGHTS", description = "core loss option: per-label weights W1,W2,..., in label order (dump MODEL dict)") String weight;
  @Option(names = "-posWeight", paramLabel = "WEIGHTS", description = "core loss option: W1,W2,...") String posWeight;
  @Option(names = "-ignoreIndex", paramLabel = "N", description = "core loss option") Integer ignoreIndex;
  @Option(names = "-delta", paramLabel = "X", description = "core loss option") Double delta;
  @Option(names = "-beta", paramLabel = "X", description = "core loss option") Double beta;
  @Option(names = "-gamma", paramLabel = "X", description = "core loss option") Double gamma;
  @Option(names = "-alpha", paramLabel = "X", description = "core loss option") Double alpha;
  @Option(names = "-margin", paramLabel = "X", description = "core loss option") Double margin;
  @Option(names = "-logTarget", paramLabel = "BOOL", description = "core loss option") Boolean logTarget;
  @Option(names = "-q", paramLabel = "X", description = "core loss option (gce)") Double q;
  @Option(names = "-epsilon", paramLabel = "X", description = "core loss option (poly1)") Double epsilon;
  @Option(names = "-order", paramLabel = "N", description = "core loss option (taylor-ce)") Integer order;
  @Option(names = "-k", paramLabel = "X", description = "core loss option (rescaled-mse)") Double k;
  @Option(names = "-M", paramLabel = "X", description = "core loss option (rescaled-mse)") Double m;

  @picocli.CommandLine.Mixin InputFormatOptions inputFormat = new InputFormatOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help") boolean help;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  Args args() {
    Args.Builder b = Args.builder();
    if (lr != null) b.lr(lr);
    if (lrUpdateRate != null) b.lrUpdateRate(lrUpdateRate);
    if (dim != null) b.dim(dim);
    if (ws != null) b.ws(ws);
    if (epoch != null) b.epoch(epoch);
    if (minCount != null) b.minCount(minCount);
    if (minCountLabel != null) b.minCountLabel(minCountLabel);
    if (neg != null) b.neg(neg);
    if (wordNgrams != null) b.wordNgrams(wordNgrams);
    if (loss != null) b.loss(loss);
    if (bucket != null) b.bucket(bucket);
    if (minn != null) b.minn(minn);
    if (maxn != null) b.maxn(maxn);
    if (thread != null) b.thread(thread);
    if (t != null) b.t(t);
    if (label != null) b.label(label);
    if (verbose != null) b.verbose(verbose);
    if (seed != null) b.seed(seed);
    if (labelSmoothing != null) b.lossOption("labelSmoothing", labelSmoothing);
    if (weight != null) b.lossOption("weight", weight);
    if (posWeight != null) b.lossOption("posWeight", posWeight);
    if (ignoreIndex != null) b.lossOption("ignoreIndex", ignoreIndex);
    if (delta != null) b.lossOption("delta", delta);
    if (beta != null) b.lossOption("beta", beta);
    if (gamma != null) b.lossOption("gamma", gamma);
    if (alpha != null) b.lossOption("alpha", alpha);
    if (margin != null) b.lossOption("margin", margin);
    if (logTarget != null) b.lossOption("logTarget", logTarget);
    if (q != null) b.lossOption("q", q);
    if (epsilon != null) b.lossOption("epsilon", epsilon);
    if (order != null) b.lossOption("order", order);
    if (k != null) b.lossOption("k", k);
    if (m != null) b.lossOption("M", m);
    return b.build();
  }

  /** The arguments given by hand, which autotune leaves as they are. */
  Set<SearchParam> fixedParams() {
    Set<SearchParam> fixed = EnumSet.noneOf(SearchParam.class);
    if (epoch != null) fixed.add(SearchParam.EPOCH);
    if (lr != null) fixed.add(SearchParam.LR);
    if (dim != null) fixed.add(SearchParam.DIM);
    if (wordNgrams != null) fixed.add(SearchParam.WORD_NGRAMS);
    if (autotune.dsub != null) fixed.add(SearchParam.DSUB);
    if (minn != null) fixed.add(SearchParam.MINN);
    if (maxn != null) fixed.add(SearchParam.MAXN);
    if (bucket != null) fixed.add(SearchParam.BUCKET);
    if (loss != null) fixed.add(SearchParam.LOSS);
    return fixed;
  }

  @Override
  public Integer call() {
    Args args = args();
    inputFormat.parsed(); // an unknown -format fails before reading
    if (patience < 0) {
      throw new IllegalArgumentException("-patience (" + patience + ") must be >= 0");
    }
    if (patience > 0 && validation == null) {
      throw new IllegalArgumentException("-patience (" + patience + ") needs -validation FILE");
    }
    if (!args.fastTextLoss() && weight == null) {
      Heads.check(args); // an unknown loss or option fails before reading data
    }
    Path out = Path.of(output + ".bin");
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new Errors.UserException("-output " + output + ": folder " + parent + " does not exist");
    }
    if (autotune.enabled()) {
      if (validation != null || patience > 0) {
        throw new IllegalArgumentException("-validation and -patience watch one training run; with"
            + " -autotune-validation every trial is scored on that file (leave them out)");
      }
      TrainingData.Options reading = TrainingData.Options.DEFAULT.withStrict(strict);
      if (pretrainedVectors != null) {
        reading = reading.withPretrainedVectors(readVectors(args, spec.commandLine().getErr()));
      }
      // the search writes PREFIX.bin, or PREFIX.ftz for a model size: both are cleared before it
      Path ftz = Path.of(output + ".ftz");
      List<Path> targets = new ArrayList<>(List.of(out, ModelSidecar.pathFor(out), ftz,
          ModelSidecar.pathFor(ftz)));
      if (saveVec) {
        targets.add(Path.of(output + ".vec"));
      }
      ModelOutput.removeLeftovers(spec.commandLine().getErr(), "supervised", output, targets);
      return AutotuneRun.run(args, fixedParams(), autotune, input, inputFormat, output, seed != null,
          reading, saveVec, System.err);
    }
    autotune.checkUnused(System.err);
    // a model whose hashed rows alone cannot fit the heap is refused before the data is read
    try {
      ModelMemory.check(args.effectiveBucket(), 0, args);
    } catch (ModelMemory.ModelTooLarge e) {
      throw new Errors.UserException(e.getMessage());
    }
    PrintStream err = System.err;
    PrintWriter warnings = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    TrainingData.Options options = TrainingData.Options.DEFAULT.withStrict(strict);
    if (pretrainedVectors != null) {
      options = options.withPretrainedVectors(readVectors(args, warnings));
    }
    TrainingData data = null;
    Corpus valid = null;
    try {
      // the encoded corpus goes to a temporary file next to the output: a folder the user can write
      // to, and a disk rather than a /tmp that may live in memory
      data = TrainingData.read(inputFormat.source(input, args.label()), input.toString(), args,
          parent == null ? options : options.withTempFolder(parent));
      for (InputIssue issue : data.issues()) {
        warn(warnings, issue.message());
      }
      if (validation != null) {
        valid = TrainingData.encode(inputFormat.source(validation, args.label()),
            validation.toString(), data.dictionary());
        if (valid.lines() == 0) {
          throw new IllegalArgumentException(
              validation + ": no line has a label seen in training and a word");
        }
      }
    } catch (IllegalArgumentException e) {
      if (data != null) {
        data.close(); // a bad validation file: the temporary corpus file goes now
      }
      throw new Errors.UserException(e.getMessage());
    }
    if (args.verbose() > 0) {
      err.printf("Read %dM words%n", data.dictionary().ntokens() / 1_000_000);
      err.printf("Number of words:  %d%n", data.dictionary().nwords());
      err.printf("Number of labels: %d%n", data.dictionary().nlabels());
    }
    // Reading leaves garbage (tokenizer buffers, the counting table); collect it now, before the
    // input matrix is allocated, so that the heap does not keep both and peak memory stays low.
    // A small file (cooking's 7 MB of heap) leaves too little for that to matter.
    if (HeapTrim.heapWorthTrimming()) {
      HeapTrim.enable();
      HeapTrim.collect();
    }
    Head head = Heads.create(args, data.dictionary().labelCounts());
    boolean tty = System.console() != null;
    TrainingProgress progress = new TrainingProgress(err, tty, args.verbose(), valid, patience);
    TextClassifier model;
    try {
      model = Trainer.train(args, data, head, progress);
    } catch (ModelMemory.ModelTooLarge e) {
      throw new Errors.UserException(e.getMessage());
    } catch (TrainingDiverged e) {
      progress.finish(null);
      throw new Errors.UserException("training stopped: " + e.getMessage());
    } finally {
      data.close(); // the temporary corpus file
    }
    progress.finish(null);
    // No collection before saving: saving writes from the model's arrays and the vocabulary's bytes
    // and allocates next to nothing, so freeing the corpus would not lower the peak, while a full
    // collection would touch the rest of the collector's mark bitmap and raise it.
    Path vec = Path.of(output + ".vec");
    ModelOutput.removeLeftovers(warnings, "supervised", output,
        saveVec ? List.of(out, ModelSidecar.pathFor(out), vec) : List.of(out, ModelSidecar.pathFor(out)));
    try {
      ModelFiles.save(model, out);
    } catch (IOException e) {
      throw new Errors.UserException(out + ": cannot write the model (" + e.getMessage() + ")");
    }
    if (saveVec) {
      ModelOutput.writeVec(model, vec);
    }
    if (args.verbose() > 1) {
      err.printf("wrote %s%s (%.1fs in all)%n", out, saveVec ? " and " + vec : "",
          (System.nanoTime() - t0) / 1e9);
    }
    return Errors.OK;
  }

  /** Reads {@code -pretrainedVectors}, checking its dimension against {@code -dim} first. */
  private VecFile readVectors(Args args, PrintWriter warnings) {
    VecFile v;
    try {
      v = VecFile.read(pretrainedVectors, args.dim());
    } catch (IllegalArgumentException e) {
      throw new Errors.UserException("-pretrainedVectors " + e.getMessage());
    } catch (IOException e) {
      throw new Errors.UserException("-pretrainedVectors " + pretrainedVectors + ": cannot read ("
          + e.getMessage() + ")");
    }
    if (v.ignoredLines() > 0) {
      warn(warnings, pretrainedVectors + ": " + v.ignoredLines() + " line"
          + (v.ignoredLines() == 1 ? "" : "s") + " after the " + v.size()
          + " vectors of its header are ignored, as fastText ignores them");
    }
    return v;
  }

  private static void warn(PrintWriter err, String message) {
    err.println("losslab supervised: warning: " + message);
    err.flush();
  }
}
