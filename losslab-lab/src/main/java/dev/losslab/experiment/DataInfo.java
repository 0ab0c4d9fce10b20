package dev.losslab.experiment;

import dev.losslab.text.Args;

/**
 * What a comparison's report says about its data and model.
 *
 * @param description where the data came from and its size
 * @param checksum content hash of the data
 * @param model the model's shape
 * @param training optimiser, step size, batch and epochs in words
 * @param text whether this is the text classifier (test metrics are P@1 and R@1)
 */
public record DataInfo(String description, String checksum, String model, String training,
    boolean text) {

  /** Dense data and the shared network. */
  public static DataInfo of(CompareData data, ModelSetup setup) {
    var t = setup.trainer();
    return new DataInfo(data.description(), data.checksum(),
        setup.describe(data.train().columns(), data.train().classes()),
        t.optimizer().label() + " with learning rate " + t.learningRate() + ", batch " + t.batchSize() + ", "
            + t.epochs() + " epochs, stopping " + t.stopping().describe(), false);
  }

  /** Text data and the fastText-compatible classifier. */
  public static DataInfo of(TextData data, Args args) {
    return new DataInfo(data.description(), data.checksum(),
        "text classifier s = B·A·x, dim " + args.dim() + ", word n-grams " + args.wordNgrams()
            + ", buckets " + args.bucket(),
        "fastText's SGD with linearly decaying learning rate from " + args.lr() + ", " + args.epoch()
            + " epochs, 1 thread", true);
  }
}
