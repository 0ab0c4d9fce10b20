/**
 * Multilayer networks of dense layers {@code y = f(Wx + b)} (seed 002 §6.2.1, seed 001 §2: hidden
 * features {@code h = f(x; θ)} feeding linear scores), with backpropagation written beside each
 * forward pass. A {@link dev.losslab.nn.Network} maps inputs to scores; the loss on those scores and
 * the training loop live in {@link dev.losslab.train}. Start at {@link dev.losslab.nn.Network#builder}.
 */
package dev.losslab.nn;
