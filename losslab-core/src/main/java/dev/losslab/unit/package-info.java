/**
 * Scalar activations and vector output units, each with its derivative (seed 002 §6.2), registered by
 * name in {@link dev.losslab.unit.Units}. Activations: identity, sigmoid, tanh, relu, leaky-relu, elu,
 * softplus, gelu (exact erf form), silu, exp; output units: softmax and log-softmax (O(k)
 * Jacobian-vector products) and every activation applied element-wise. All are immutable, finite for
 * every finite input (except {@code exp} where {@code e^x} truly overflows) and checked against
 * extended-precision references and central differences.
 */
package dev.losslab.unit;
