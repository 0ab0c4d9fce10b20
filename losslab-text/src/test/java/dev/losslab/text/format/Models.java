package dev.losslab.text.format;

import java.util.List;

/** Small hand-made models for the format tests. */
final class Models {
  private Models() {}

  /** 3 words (one non-ASCII), 2 labels, dim 3, bucket 4, deterministic values. */
  static FastTextBinary tiny() {
    FastTextArgs args = new FastTextArgs(3, 5, 7, 1, 5, 2, FastTextArgs.LossName.SOFTMAX,
        FastTextArgs.ModelName.SUP, 4, 0, 0, 100, 1e-4);
    FastTextDictionary dict = new FastTextDictionary(3, 2, 42, List.of(
        new FastTextDictionary.Entry("</s>", 10, FastTextDictionary.EntryType.WORD),
        new FastTextDictionary.Entry("crème", 4, FastTextDictionary.EntryType.WORD),
        new FastTextDictionary.Entry("brûlée", 2, FastTextDictionary.EntryType.WORD),
        new FastTextDictionary.Entry("__label__a", 6, FastTextDictionary.EntryType.LABEL),
        new FastTextDictionary.Entry("__label__b", 4, FastTextDictionary.EntryType.LABEL)));
    float[] a = new float[(3 + 4) * 3];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i - 10) * 0.125f;
    }
    float[] b = {1.5f, -2.25f, 0f, 3e-7f, -1e7f, 0.5f};
    return new FastTextBinary(args, dict, new FastTextMatrix(7, 3, a), false, new FastTextMatrix(2, 3, b));
  }
}
