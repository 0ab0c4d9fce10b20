package dev.losslab.experiment;

import dev.losslab.text.Args;
import dev.losslab.text.Corpus;
import dev.losslab.text.Dictionary;
import dev.losslab.text.LineEncoder;
import dev.losslab.text.TokenReader;
import dev.losslab.text.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Text data for {@code compare -input FILE -test FILE}: fastText-format lines ({@code __label__x words}),
 * read by the text classifier's own reader. The test file is checked first: a label the training file
 * never had is an error naming the file and line, since no model could predict it.
 *
 * @param input the training file
 * @param test the test file
 * @param train the encoded training data and its dictionary (independent of the loss)
 * @param testCorpus the encoded test lines
 * @param checksum SHA-256 of both files' bytes (first 16 hex digits)
 */
public record TextData(Path input, Path test, TrainingData train, Corpus testCorpus,
    String checksum) {

  /** One line for reports. */
  public String description() {
    return input + " (" + train.corpus().lines() + " lines) and " + test + " ("
        + testCorpus.lines() + " lines), " + train.dictionary().nlabels() + " labels, "
        + train.dictionary().nwords() + " words";
  }

  /**
   * Reads both files with the dictionary {@code args} implies.
   *
   * @throws IllegalArgumentException naming the file (and line) when a file is missing, empty, or the test
   *     file has a label unseen in training
   */
  public static TextData read(Path input, Path test, Args args) {
    return read(input, test, args, false);
  }

  /**
   * As {@link #read(Path, Path, Args)}; with {@code skipUnseen}, test labels unseen in training are
   * dropped from their lines as fastText's {@code test} does, instead of failing.
   */
  public static TextData read(Path input, Path test, Args args, boolean skipUnseen) {
    for (Path p : new Path[] {input, test}) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(p + ": no such file");
      }
    }
    TrainingData td = TrainingData.read(input, args);
    Dictionary dict = td.dictionary();
    try (TokenReader r = new TokenReader(TrainingData.open(test), test.toString())) {
      LineEncoder enc = new LineEncoder(dict);
      while (enc.read(r) > 0) {
        if (enc.labelTokens() > enc.labels().size() && !skipUnseen) {
          throw new IllegalArgumentException(test + ":" + enc.line() + ": has a label that never occurs in "
              + input + " (--skip-unseen-labels, or skipUnseen in TextData.read, drops such labels as"
              + " fastText's test does)");
        }
      }
    }
    Corpus c = TrainingData.encode(test, dict);
    if (c.lines() == 0) {
      throw new IllegalArgumentException(test + ": no line has both a known label and a word");
    }
    return new TextData(input, test, td, c, checksum(input, test));
  }

  /**
   * The generated text data: {@link dev.losslab.data.ZipfText#defaults()} documents (class-specific Zipf
   * word distributions with shared words), {@code trainRows} and {@code testRows} lines drawn with sample
   * seeds 1 and 2, written to temporary files that are deleted once read.
   */
  public static TextData generated(int trainRows, int testRows, Args args) {
    dev.losslab.data.ZipfText z = dev.losslab.data.ZipfText.defaults();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("losslab-zipf-");
      Path train = dir.resolve("zipf.train");
      Path test = dir.resolve("zipf.test");
      z.write(train, trainRows, 1L);
      z.write(test, testRows, 2L);
      TextData d = read(train, test, args, false);
      return new TextData(Path.of("generated:" + z), Path.of("generated:test"), d.train(), d.testCorpus(),
          d.checksum());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write generated text: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a leftover temporary file is harmless
        }
      }
    }
  }

  static String checksum(Path... files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : files) {
        md.update(Files.readAllBytes(f));
      }
      StringBuilder b = new StringBuilder();
      byte[] d = md.digest();
      for (int i = 0; i < 8; i++) {
        b.append(String.format("%02x", d[i]));
      }
      return b.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
