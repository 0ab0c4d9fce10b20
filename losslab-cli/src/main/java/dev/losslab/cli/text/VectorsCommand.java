package dev.losslab.cli.text;

import dev.losslab.cli.ByteOut;
import dev.losslab.cli.Errors;
import dev.losslab.text.LineEncoder;
import dev.losslab.text.TextClassifier;
import dev.losslab.text.TokenReader;
import dev.losslab.text.WordVectors;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code print-word-vectors MODEL} and {@code print-sentence-vectors MODEL}: fastText's commands of
 * those names, on standard input, with its numbers and its layout (each value in {@code %.5g}
 * followed by a space, then a line break). The vectors are {@link WordVectors}'.
 */
public abstract class VectorsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "model file (fastText .bin or .ftz)") Path model;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;

  /** {@code print-word-vectors}. */
  @Command(name = "print-word-vectors", description = {
      "Print the vector of each word read on standard input, as fastText: the word, then its values.",
      "A word's vector is the mean of its rows: its own and its character n-grams'. A word the model"
          + " does not know gets the mean of its character n-gram rows, or zeros without them; a label"
          + " reads as such a word."})
  public static final class Words extends VectorsCommand {
    @Override
    void print(TextClassifier c, TokenReader r, OutputStream out) throws IOException {
      WordVectors v = new WordVectors(c);
      float[] vec = new float[v.dim()];
      FloatRows rows = new FloatRows(5, true);
      while (r.next()) {
        if (r.isEos()) {
          continue;
        }
        v.word(r.bytes(), r.offset(), r.length(), vec);
        out.write(r.bytes(), r.offset(), r.length()); // as read: fastText prints any word's bytes
        out.write(' ');
        rows.write(out, vec, vec.length);
      }
    }
  }

  /** {@code print-sentence-vectors}. */
  @Command(name = "print-sentence-vectors", description = {
      "Print the vector of each line read on standard input, as fastText: its values.",
      "A line's vector is the model's hidden vector: the mean of all its input rows (words, their"
          + " character n-grams, word n-grams, and </s> when the line ends in a newline), with no"
          + " normalization; labels on the line are left out."})
  public static final class Sentences extends VectorsCommand {
    @Override
    void print(TextClassifier c, TokenReader r, OutputStream out) throws IOException {
      WordVectors v = new WordVectors(c);
      LineEncoder enc = new LineEncoder(c.dictionary());
      float[] vec = new float[v.dim()];
      FloatRows rows = new FloatRows(5, true);
      while (true) {
        long before = r.position();
        if (enc.read(r) == 0) {
          // fastText prints one more (zero) vector for whitespace after the last line break
          if (r.position() > before) {
            java.util.Arrays.fill(vec, 0f);
            rows.write(out, vec, vec.length);
          }
          return;
        }
        v.sentence(enc, vec);
        rows.write(out, vec, vec.length);
      }
    }
  }

  abstract void print(TextClassifier c, TokenReader r, OutputStream out) throws IOException;

  @Override
  public Integer call() {
    TextClassifier c = ModelOption.load(model);
    OutputStream out = new BufferedOutputStream(ByteOut.bytes(spec.commandLine().getOut()), 1 << 16);
    try (TokenReader r = new TokenReader(new BufferedInputStream(System.in, 1 << 16), "-")) {
      print(c, r, out);
      out.flush();
    } catch (IOException e) {
      throw Errors.standardOutput(e);
    }
    return Errors.OK;
  }
}
