package dev.losslab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated text classification data: each class draws its words from its own Zipf distribution, and
 * classes share part of the vocabulary, so the task is as easy or as hard as the parameters make it.
 * Documents come out as fastText lines, {@code __label__c2 w17 w3 w17 ...}, which the text classifier
 * reads.
 *
 * <p>The model, fixed by {@link #seed()} (the "world"): the vocabulary is {@code w0 … w(V−1)}. Each class
 * owns {@code ⌊(V − S)/classes⌋} words, {@code S = round(sharedFraction · V)}, and the remaining words
 * (about {@code S}) are shared by all classes. Class {@code c} ranks its words (the shared ones and its
 * own) and draws each word independently with {@code P(rank r) ∝ 1/(r + 1)^s} (Zipf's law with
 * exponent {@code s}). The shared words hold the same ranks, in the same order, in every class (like
 * function words, they say nothing about the class), at rank positions spread at random; the class's
 * own words fill the other ranks in an order of its own. So about {@code sharedFraction} of every
 * document's words carry no information about its class: with {@code sharedFraction = 0} the classes
 * use disjoint words, with 1 they are the same distribution and no classifier beats chance. A document
 * has a length drawn uniformly from {@code [⌈L/2⌉, ⌊3L/2⌋]}.
 *
 * <p>Documents are drawn by {@link #documents(int, long)} with their own sample seed, so a training and a
 * test set come from the same world with two sample seeds. Classes are balanced (example {@code i} has
 * class {@code i mod classes}, then the order is shuffled); {@link #labelNoise()} then relabels exactly
 * that fraction of documents with another class ({@link LabelNoise}).
 *
 * @param classes number of classes, ≥ 2
 * @param vocabulary number of distinct words V, ≥ classes
 * @param documentLength mean words per document L, ≥ 1
 * @param sharedFraction fraction of the vocabulary shared by all classes, in [0, 1]
 * @param exponent Zipf exponent s, > 0 (natural text: about 1)
 * @param labelNoise fraction of documents given a wrong label, in [0, 1]
 * @param seed fixes the class distributions
 */
public record ZipfText(int classes, int vocabulary, int documentLength, double sharedFraction,
    double exponent, double labelNoise, long seed) {

  /** Checks every parameter; the message names it and its value. */
  public ZipfText {
    if (classes < 2) {
      throw new IllegalArgumentException("classes (" + classes + ") must be ≥ 2");
    }
    if (vocabulary < classes) {
      throw new IllegalArgumentException(
          "vocabulary (" + vocabulary + ") must be ≥ classes (" + classes + ")");
    }
    if (documentLength < 1) {
      throw new IllegalArgumentException("document length (" + documentLength + ") must be ≥ 1");
    }
    if (!(sharedFraction >= 0 && sharedFraction <= 1)) {
      throw new IllegalArgumentException("shared fraction (" + sharedFraction + ") must be in [0, 1]");
    }
    if (!(exponent > 0) || Double.isInfinite(exponent)) {
      throw new IllegalArgumentException("Zipf exponent (" + exponent + ") must be > 0 and finite");
    }
    if (!(labelNoise >= 0 && labelNoise <= 1)) {
      throw new IllegalArgumentException("label noise (" + labelNoise + ") must be in [0, 1]");
    }
  }

  /**
   * 4 classes, 2,000 words, 30 words per document, 60 % of the vocabulary shared, s = 1.1, no noise:
   * a fastText-style classifier (dim 10, 5 epochs, 2,000 training documents) reaches about 0.9 P@1.
   */
  public static ZipfText defaults() {
    return new ZipfText(4, 2000, 30, 0.6, 1.1, 0.0, 1L);
  }

  /** One generated document: its words, the label written out and the class it was drawn from. */
  public record Document(int label, int trueLabel, int[] words) {
    /** The fastText line, {@code __label__cL wA wB ...}. */
    public String line() {
      StringBuilder b = new StringBuilder(words.length * 6 + 12).append(labelName(label));
      for (int w : words) {
        b.append(" w").append(w);
      }
      return b.toString();
    }
  }

  /** The fastText label of class {@code c}: {@code __label__c<c>}. */
  public static String labelName(int c) {
    return "__label__c" + c;
  }

  /** Number of words shared by all classes: {@code V − classes · ownWords()}, about {@code f · V}. */
  public int sharedWords() {
    return vocabulary - classes * ownWords();
  }

  /** Number of words each class owns: {@code ⌊(V − round(sharedFraction · V)) / classes⌋}. */
  public int ownWords() {
    return (vocabulary - (int) Math.round(sharedFraction * vocabulary)) / classes;
  }

  /**
   * The words of class {@code c} in rank order: {@code words(c)[r]} is drawn with probability
   * {@code ∝ 1/(r+1)^s}. The shared words sit at the same ranks, in the same order, in every class;
   * the class's own words fill the other ranks.
   */
  public int[] words(int c) {
    if (c < 0 || c >= classes) {
      throw new IllegalArgumentException("class (" + c + ") must be in [0, " + classes + ")");
    }
    int own = ownWords();
    int shared = sharedWords();
    int ranks = shared + own;
    // which ranks hold shared words, and in which order: fixed by the world seed, the same for every class
    SplittableRandom world = new SplittableRandom(seed);
    int[] rankOrder = permutation(ranks, world);
    int[] sharedOrder = permutation(shared, world);
    int[] ownOrder = permutation(own, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + c + 1));
    boolean[] isShared = new boolean[ranks];
    for (int i = 0; i < shared; i++) {
      isShared[rankOrder[i]] = true;
    }
    int[] list = new int[ranks];
    int nextShared = 0;
    int nextOwn = 0;
    for (int r = 0; r < ranks; r++) {
      list[r] = isShared[r]
          ? sharedOrder[nextShared++]
          : shared + ownOrder[nextOwn++] * classes + c;
    }
    return list;
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** {@code n} documents drawn with {@code sampleSeed} (same seeds, same documents). */
  public List<Document> documents(int n, long sampleSeed) {
    if (n < 0) {
      throw new IllegalArgumentException("documents (" + n + ") must be ≥ 0");
    }
    int[][] words = new int[classes][];
    double[][] cdf = new double[classes][];
    for (int c = 0; c < classes; c++) {
      words[c] = words(c);
      cdf[c] = zipfCdf(words[c].length, exponent);
    }
    SplittableRandom random = new SplittableRandom(sampleSeed);
    int[] labels = LabelNoise.balanced(n, classes, random);
    int[] noisy = LabelNoise.inject(labels, classes, labelNoise, random.nextLong());
    int minLength = Math.max(1, (documentLength + 1) / 2);
    int maxLength = Math.max(minLength, documentLength * 3 / 2);
    List<Document> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int c = labels[i];
      int length = minLength + random.nextInt(maxLength - minLength + 1);
      int[] doc = new int[length];
      for (int t = 0; t < length; t++) {
        doc[t] = words[c][sample(cdf[c], random.nextDouble())];
      }
      out.add(new Document(noisy[i], c, doc));
    }
    return out;
  }

  /** The fastText lines of {@code n} documents drawn with {@code sampleSeed}. */
  public List<String> lines(int n, long sampleSeed) {
    List<Document> docs = documents(n, sampleSeed);
    List<String> lines = new ArrayList<>(docs.size());
    for (Document d : docs) {
      lines.add(d.line());
    }
    return lines;
  }

  /**
   * Writes {@code n} documents to {@code file} as fastText lines (through a temporary file in the same
   * folder, renamed into place, so a failed write never leaves half a file).
   */
  public void write(Path file, int n, long sampleSeed) {
    List<String> lines = lines(n, sampleSeed);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          w.write(line);
          w.write('\n');
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original error is the one worth reporting
        }
      }
      throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Cumulative Zipf probabilities over ranks {@code 0 … m−1}. */
  static double[] zipfCdf(int m, double s) {
    double[] cdf = new double[m];
    double sum = 0;
    for (int r = 0; r < m; r++) {
      sum += Math.pow(r + 1, -s);
      cdf[r] = sum;
    }
    for (int r = 0; r < m; r++) {
      cdf[r] /= sum;
    }
    cdf[m - 1] = 1.0;
    return cdf;
  }

  private static int sample(double[] cdf, double u) {
    int i = Arrays.binarySearch(cdf, u);
    return i >= 0 ? i : Math.min(-i - 1, cdf.length - 1);
  }
}
