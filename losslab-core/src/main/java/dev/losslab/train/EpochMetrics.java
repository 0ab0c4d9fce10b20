package dev.losslab.train;

/**
 * What one epoch of training measured.
 *
 * <p>With {@link TrainerConfig#fullPassMetrics()} the values are exact: the objective and its gradient on
 * the whole training set at the parameters the epoch ended with (one extra forward and backward pass).
 * Otherwise they are running values from the epoch's mini-batches: the loss is the examples' losses
 * summed over the epoch divided by their mean weights, plus the regularisation term at the epoch's end,
 * and the gradient norm is the norm of the example-weighted mean of the mini-batch gradients.
 *
 * @param epoch the epoch, from 1
 * @param loss the objective {@code J = data loss + (λ/2)‖W‖²}
 * @param dataLoss the mean loss over the training examples, without the regularisation term
 * @param gradientNorm {@code ‖∇J‖₂} over every parameter
 * @param steps optimizer steps taken so far in the run
 * @param seconds wall-clock time of the epoch's training (not the full-pass metrics)
 * @param exact whether the values come from a full pass
 */
public record EpochMetrics(
    int epoch, double loss, double dataLoss, double gradientNorm, long steps, double seconds,
    boolean exact) {}
