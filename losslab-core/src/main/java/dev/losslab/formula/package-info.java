/**
 * Losses typed as formulas, {@code formula:EXPR}, differentiated exactly in reverse mode.
 *
 * <p>Start at {@link dev.losslab.formula.FormulaLoss}: the language (names {@code s y p label K},
 * operators, element-wise functions, reductions, softmax), the rewrites the compiler applies to keep
 * precision, the behaviour at kinks and on NaN and infinity. {@code Losses.create("formula:...")}
 * returns one. Errors in a formula are {@link dev.losslab.formula.FormulaException}s with a column
 * and a caret; a value or gradient that becomes NaN or infinite on some example is a
 * {@link dev.losslab.formula.FormulaDomainException} naming the sub-expression.
 *
 * <p>How it works, one file each: the {@code Lexer} and {@code Parser} make an {@code Ast}; the
 * {@code Compiler} type-checks it (scalar or vector of K) and builds the graph of {@code Expr} nodes
 * through the {@code Builder}, which rewrites, folds constants and shares sub-expressions; the
 * {@code Program} is that graph as a flat tape of primitives ({@code Op}s, grouped by family in
 * {@code ElementwiseOps}, {@code LogisticOps}, {@code PowerOps}, {@code ArithmeticOps},
 * {@code ReductionOps}, {@code SoftmaxOps}), each with its forward beside its backward, run on a
 * per-thread {@code Workspace}; the {@code Diagnosis} replays a failing example to name the culprit.
 */
package dev.losslab.formula;
