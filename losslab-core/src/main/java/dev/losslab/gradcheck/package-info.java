/**
 * The gradient checker: central differences in double against the analytic gradient of any loss,
 * activation or output unit, with kinks flagged rather than failed, and the standard suite of random and
 * stress points for every built-in name. Start at {@link dev.losslab.gradcheck.GradientChecker}.
 */
package dev.losslab.gradcheck;
