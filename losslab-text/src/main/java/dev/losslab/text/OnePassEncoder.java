package dev.losslab.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Encodes a training file into a {@link CorpusFile} reading its text once ({@link TrainingData#read}).
 *
 * <p>Pass 1 ({@link #count}, the first pass of the in-heap reader too) tokenizes the text, counts
 * every token in a {@link DictionaryBuilder}, judges every line ({@link InputIssues}: invalid
 * UTF-8, labels alone, words alone) and writes, per line, {@code 2·n + e} ({@code n} tokens,
 * {@code e} = 1 when the last is the end of line) and each token's entry index to a scratch file.
 * Pass 2 builds the dictionary, maps every entry index to its final id (or to "dropped word" /
 * "dropped label"), and rewrites the scratch file into the corpus file line by line, with the rows
 * {@link LineEncoder} would give the same tokens: the words' rows (and their character n-grams),
 * the labels' ids, the word n-grams hashed from the chain of all word tokens; a line of labels
 * alone keeps {@code </s>} as its one row, a line without a known label is skipped. Pass 2 reads
 * varints and arrays only — no text, no hash table — so it costs a fraction of a second pass over
 * the text.
 *
 * <p>If counting pruned the vocabulary, the indices of pass 1 are stale; the text is then encoded again
 * by {@link LineEncoder} (the two-pass path, also used by the tests to check this one).
 */
final class OnePassEncoder {
  private OnePassEncoder() {}

  /** Code of a word the dictionary dropped ({@code -minCount}). */
  private static final int DROPPED_WORD = -1;
  /** Code of a label the dictionary dropped ({@code -minCountLabel}). */
  private static final int DROPPED_LABEL = -2;

  /**
   * Reads, checks and encodes training data ({@link TrainingData#read}).
   *
   * @param twoPass encode with a second pass over the text even when the first pass's indices hold
   */
  static TrainingData read(TrainingData.Source source, String name, Args args,
      TrainingData.Options options, boolean twoPass) {
    return read(source, name, args, options, twoPass, ParallelCount.MIN_PART_BYTES,
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * As {@link #read(TrainingData.Source, String, Args, TrainingData.Options, boolean)}; a training
   * file ({@link TrainingData#file}) of at least two parts of {@code minPartBytes} is counted in
   * {@code -thread} parts at once, at most {@code maxParts} ({@link ParallelCount}), unless
   * {@code -strict}. Each part holds a counting table of its own: the public path allows one per core.
   */
  static TrainingData read(TrainingData.Source source, String name, Args args,
      TrainingData.Options options, boolean twoPass, long minPartBytes, int maxParts) {
    TrainingData.checkDimension(args, options);
    Path folder = options.folder();
    if (!twoPass && !options.strict() && args.thread() > 1
        && source instanceof TrainingData.FileSource f && java.nio.file.Files.isRegularFile(f.file())
        && java.nio.file.Files.isReadable(f.file())) {
      // (a missing or unreadable file gets its message from the one-piece path)
      int threads = Math.min(args.thread(), maxParts);
      ParallelCount parts = ParallelCount.count(f.file(), name, args, threads, minPartBytes, folder);
      if (parts != null) {
        try (parts) {
          if (parts.merged() != null) {
            Dictionary dict = TrainingData.dictionary(parts.merged(), name, args, options);
            byte[] prefix = args.label().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CorpusFile file = rewrite(parts.raws(), parts.counters(), dict, prefix, folder);
            return finish(file, dict, parts.issues(), options, name);
          }
        }
        // one builder would have pruned: counted again in one piece below
      }
    }
    DictionaryBuilder counter = new DictionaryBuilder(args);
    InputIssues issues = new InputIssues(name, args, options.strict());
    try (ScratchFile raw = twoPass ? null : ScratchFile.create(folder, "tokens")) {
      ScratchFile.Output out = raw == null ? null : raw.output(1 << 20);
      count(source, name, args, options.strict(), counter, issues, out);
      Dictionary dict = TrainingData.dictionary(counter, name, args, options);
      issues.throwIfStrict();
      CorpusFile file;
      if (raw == null || counter.prunings() > 0) {
        file = twoPassEncode(source, name, dict, folder);
      } else {
        out.flush();
        byte[] prefix = args.label().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        file = rewrite(java.util.List.of(raw), java.util.List.of(counter), dict, prefix, folder);
      }
      return finish(file, dict, issues, options, name);
    }
  }

  private static TrainingData finish(CorpusFile file, Dictionary dict, InputIssues issues,
      TrainingData.Options options, String name) {
    if (file.lineCount() == 0) {
      file.close();
      throw TrainingData.noUsableLine(name);
    }
    return TrainingData.of(dict, file, issues, options);
  }

  /**
   * Pass 1, the first pass of every reading path (the in-heap {@link TrainingData#inMemory} too): reads
   * the text once, counts every token in {@code counter}, judges every line in {@code issues} (labels
   * alone, words alone, and the reader's invalid UTF-8 lines) and, when {@code out} is not null, writes
   * each line's header and entry indices to it.
   *
   * @param strict whether the reader refuses invalid UTF-8 at once
   * @return the newlines read (the lines of a text that ends in one)
   */
  static long count(TrainingData.Source source, String name, Args args, boolean strict,
      DictionaryBuilder counter, InputIssues issues, ScratchFile.Output out) {
    byte[] prefix = args.label().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    IntList line = new IntList(64);
    long newlines = 0;
    try (TokenReader r = reader(source.open(), name, strict)) {
      int labelTokens = 0;
      int wordTokens = 0;
      long first = 0;
      while (true) {
        boolean more = r.next();
        if (more) {
          if (line.size() == 0) {
            first = r.line();
          }
          int index = counter.add(r.bytes(), r.offset(), r.length());
          line.add(index);
          boolean eos = r.isEos();
          // as LineEncoder counts them: a label by its prefix, a word unless it is the end of line
          if (DictionaryBuilder.startsWith(r.bytes(), r.offset(), r.length(), prefix)) {
            labelTokens++;
          } else if (!eos) {
            wordTokens++;
          }
          if (!eos) {
            continue;
          }
          newlines++;
        }
        if (line.size() > 0) {
          issues.line(first, labelTokens, wordTokens);
          if (out != null) {
            int n = line.size();
            out.varint(2L * n + (more ? 1 : 0));
            int[] a = line.array();
            for (int i = 0; i < n; i++) {
              out.varint(a[i]);
            }
          }
          line.clear();
          labelTokens = 0;
          wordTokens = 0;
        }
        if (!more) {
          break;
        }
      }
      issues.invalidUtf8(r);
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    return newlines;
  }

  private static TokenReader reader(java.io.InputStream in, String name, boolean strict) {
    return strict ? TokenReader.strict(in, name) : new TokenReader(in, name);
  }

  private static boolean tokensMode(Dictionary dict) {
    return dict.wordNgrams() > 1 && dict.maxn() == 0;
  }

  /**
   * Pass 2: the scratch files of entry indices, in order, rewritten with final ids into one corpus
   * file; {@code counters.get(i)} numbered the entries of {@code raws.get(i)}.
   */
  private static CorpusFile rewrite(java.util.List<ScratchFile> raws,
      java.util.List<DictionaryBuilder> counters, Dictionary dict, byte[] prefix, Path folder) {
    try (CorpusFile.Writer w = CorpusFile.writer(folder, tokensMode(dict) ? dict : null)) {
      for (int part = 0; part < raws.size(); part++) {
        rewrite(raws.get(part), counters.get(part), dict, prefix, w);
      }
      return w.finish();
    }
  }

  /** Pass 2 of one scratch file, appended to {@code w}. */
  private static void rewrite(ScratchFile raw, DictionaryBuilder counter, Dictionary dict,
      byte[] prefix, CorpusFile.Writer w) {
    int entries = counter.size();
    int nwords = dict.nwords();
    int[] code = new int[entries];
    int[] hash = new int[entries];
    for (int i = 0; i < entries; i++) {
      byte[] k = counter.key(i);
      int h = counter.hash(i);
      int id = dict.find(k, 0, k.length, h);
      hash[i] = h;
      code[i] = id >= 0 ? id
          : DictionaryBuilder.startsWith(k, 0, k.length, prefix) ? DROPPED_LABEL : DROPPED_WORD;
    }
    boolean tokens = tokensMode(dict);
    boolean sub = dict.maxn() > 0;
    int wordNgrams = dict.wordNgrams();
    IntList rows = new IntList(64);
    IntList labels = new IntList(4);
    IntList ids = new IntList(64);
    IntList hashes = new IntList(64);
    byte[] scratch = new byte[64];
    ScratchFile.Input in = raw.input(0, 1 << 18);
    while (!in.atEnd()) {
      long header = in.varint();
      int n = (int) (header >>> 1);
      boolean endsWithNewline = (header & 1) != 0;
      rows.clear();
      labels.clear();
      ids.clear();
      hashes.clear();
      int known = 0;
      for (int t = 0; t < n; t++) {
        int e = (int) in.varint();
        int c = code[e];
        if (c >= nwords) {
          labels.add(c - nwords);
          continue;
        }
        if (c == DROPPED_LABEL) {
          continue;
        }
        if (tokens) {
          ids.add(c);
          if (c >= 0) {
            known++;
          }
        } else if (c >= 0) {
          if (sub) {
            for (int v : dict.subwords(c)) {
              rows.add(v);
            }
          } else {
            rows.add(c);
          }
        } else if (sub && !(endsWithNewline && t == n - 1)) {
          byte[] k = counter.key(e);
          scratch = dict.charNgrams(k, 0, k.length, scratch, rows);
        }
        hashes.add(hash[e]);
      }
      if (tokens) {
        int m = hashes.size();
        // the n-gram rows: one per pair (i, j) with i < j < min(m, i + wordNgrams)
        boolean hasRows = known > 0 || (m >= 2 && wordNgrams >= 2);
        if (hasRows && labels.size() > 0) {
          w.tokensLine(ids.array(), hashes.array(), m, labels.array(), labels.size(), n);
        } else {
          w.skip(n);
        }
      } else {
        FastTextHash.addWordNgrams(hashes.array(), hashes.size(), wordNgrams, nwords,
            dict.bucket(), rows);
        if (rows.size() > 0 && labels.size() > 0) {
          w.rowsLine(rows.array(), rows.size(), labels.array(), labels.size(), n);
        } else {
          w.skip(n);
        }
      }
    }
  }

  /**
   * The two-pass path: the text encoded again, line by line, by a {@link LineEncoder}. Pass 1 has
   * judged the lines and checked the bytes; a line of labels alone keeps {@code </s>} as its one input
   * row, as in the in-heap corpus.
   */
  static CorpusFile twoPassEncode(TrainingData.Source source, String name, Dictionary dict,
      Path folder) {
    boolean tokens = tokensMode(dict);
    LineEncoder enc = new LineEncoder(dict);
    try (CorpusFile.Writer w = CorpusFile.writer(folder, tokens ? dict : null);
        TokenReader r = new TokenReader(source.open(), name)) {
      int n;
      while ((n = enc.read(r)) > 0) {
        IntList words = enc.words();
        IntList labels = enc.labels();
        if (words.size() == 0 || labels.size() == 0) {
          w.skip(n);
        } else if (tokens) {
          w.tokensLine(enc.tokenIds().array(), enc.hashes().array(), enc.hashes().size(),
              labels.array(), labels.size(), n);
        } else {
          w.rowsLine(words.array(), words.size(), labels.array(), labels.size(), n);
        }
      }
      return w.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }
}
