package dev.losslab.cli.text;

import dev.losslab.cli.ByteOut;
import dev.losslab.cli.Errors;
import dev.losslab.text.LineEncoder;
import dev.losslab.text.Predictions;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.TokenReader;
import dev.losslab.text.Workspace;
import dev.losslab.text.format.DecimalText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code predict} and {@code predict-prob MODEL FILE|- [k] [threshold]}: one output line per input line,
 * the best labels first ({@code predict-prob} adds each probability, printed as fastText does:
 * {@code p + 1e-5} for fastText's heads).
 */
public abstract class PredictCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "model file (fastText .bin or .ftz)") Path model;
  @Parameters(index = "1", paramLabel = "FILE", description = "text to classify, or - for standard input") String file;
  @Parameters(index = "2", arity = "0..1", paramLabel = "k", defaultValue = "1", description = "labels per line, -1 for all [1]") int k;
  @Parameters(index = "3", arity = "0..1", paramLabel = "threshold", defaultValue = "0.0", description = "minimal probability [0.0]") double threshold;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  abstract boolean probabilities();

  /** {@code predict}. */
  @Command(name = "predict", description = "Predict the most likely labels of each line.")
  public static final class Labels extends PredictCommand {
    @Override
    boolean probabilities() {
      return false;
    }
  }

  /** {@code predict-prob}. */
  @Command(name = "predict-prob", description = "Predict the most likely labels of each line, with probabilities.")
  public static final class WithProbabilities extends PredictCommand {
    @Override
    boolean probabilities() {
      return true;
    }
  }

  @Override
  public Integer call() {
    int kk = ModelOption.k(k);
    float th = ModelOption.threshold(threshold);
    TextClassifier c = ModelOption.load(model);
    Workspace ws = c.workspace();
    Predictions p = new Predictions(c.dictionary().nlabels());
    LineEncoder enc = new LineEncoder(c.dictionary());
    boolean prob = probabilities();
    // The labels' bytes as the model holds them (fastText prints a label that is not UTF-8 as its
    // bytes) and each probability's digits written into one buffer: a line's output builds no string.
    byte[] digits = new byte[DecimalText.MAX_LENGTH];
    byte[][] labels = new byte[c.dictionary().nlabels()][];
    for (int j = 0; j < labels.length; j++) {
      labels[j] = c.dictionary().labelBytes(j);
    }
    OutputStream out = new BufferedOutputStream(ByteOut.bytes(spec.commandLine().getOut()), 1 << 16);
    try (TokenReader r = new TokenReader(ModelOption.open(file), file)) {
      while (enc.read(r) > 0) {
        c.predict(enc, ws, kk, th, p);
        for (int i = 0; i < p.size(); i++) {
          if (i > 0) {
            out.write(' ');
          }
          out.write(labels[p.label(i)]);
          if (prob) {
            out.write(' ');
            out.write(digits, 0, DecimalText.appendGeneral(digits, 0, p.probability(i), 6));
          }
        }
        out.write('\n');
      }
      out.flush();
    } catch (IllegalArgumentException e) {
      flushQuietly(out);
      throw new Errors.UserException(e.getMessage());
    } catch (IOException e) {
      throw Errors.standardOutput(e);
    }
    return Errors.OK;
  }

  private static void flushQuietly(OutputStream w) {
    try {
      w.flush();
    } catch (IOException ignored) {
      // the error being reported matters more
    }
  }
}
