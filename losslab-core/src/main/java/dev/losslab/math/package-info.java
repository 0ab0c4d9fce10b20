/** Numerically stable primitives: log-sum-exp, softmax, softplus, log-sigmoid, {@code x log y}. */
package dev.losslab.math;
