/** Scalar activations and vector output units, each with its derivative (seed 002 §6.2). */
package dev.losslab.unit;
