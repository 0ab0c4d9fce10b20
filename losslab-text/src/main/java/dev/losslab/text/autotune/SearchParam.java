package dev.losslab.text.autotune;

import java.util.Optional;

/**
 * The arguments the search changes, named by their flags. One given on the command line is fixed:
 * the search leaves it as given (fastText's rule), and says so.
 */
public enum SearchParam {
  EPOCH("epoch"),
  LR("lr"),
  DIM("dim"),
  WORD_NGRAMS("wordNgrams"),
  DSUB("dsub"),
  MINN("minn"),
  MAXN("maxn"),
  BUCKET("bucket"),
  LOSS("loss");

  private final String flag;

  SearchParam(String flag) {
    this.flag = flag;
  }

  /** The flag's name without its dash, e.g. {@code wordNgrams}. */
  public String flag() {
    return flag;
  }

  /** The parameter of a flag name (with or without its dash). */
  public static Optional<SearchParam> ofFlag(String name) {
    String n = name.startsWith("-") ? name.substring(1) : name;
    for (SearchParam p : values()) {
      if (p.flag.equals(n)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
