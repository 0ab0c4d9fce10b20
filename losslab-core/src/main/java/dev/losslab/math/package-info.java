/**
 * Numerically stable primitives: log-sum-exp, softmax, softplus, log-sigmoid, {@code x log y},
 * {@code log cosh}, {@code log(1 − e^x)} ({@link dev.losslab.math.Stable}); the error function with full
 * relative precision in the tail ({@link dev.losslab.math.Erf}); and the float kernels of the fused
 * float loss loops ({@link dev.losslab.math.FastFloat}).
 */
package dev.losslab.math;
