package dev.losslab.formula;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Target;
import dev.losslab.loss.Targets;
import dev.losslab.loss.kernel.FloatLoss;
import java.util.Map;

/**
 * A loss typed as a formula, {@code formula:EXPR}, where {@code EXPR} is the loss of one example,
 * differentiated exactly in reverse mode. {@code Losses.create("formula:logsumexp(s) - s[label]")} is
 * {@code cross-entropy}; {@code formula:(exp(s) - y)^2} is {@code exp-mse}; {@code formula:(1 -
 * p[label]^0.7)/0.7} is the generalised cross-entropy with q = 0.7. The formula goes through the
 * same reductions, float path and gradient checker as the built-in losses.
 *
 * <h2>Language</h2>
 *
 * <ul>
 *   <li><b>Names:</b> {@code s}, the K scores (a vector); {@code y}, the target row (a dense row, or
 *       for a label its one-hot row); {@code label}, the label's index (only with labels);
 *       {@code p}, short for {@code softmax(s)}; {@code K}, the number of scores; numbers
 *       ({@code 2}, {@code 0.7}, {@code .5}, {@code 1e-4}).
 *   <li><b>Operators,</b> loosest first: {@code + -}, then {@code * /}, then unary minus, then
 *       {@code ^} (right-associative: {@code 2^3^2 = 2^9}; {@code -2^2 = -4} as in mathematics;
 *       {@code 2^-1} is allowed), then indexing {@code v[i]} (0-based; {@code i} a whole number or
 *       {@code label}). Parentheses group. {@code −} (U+2212) and {@code ·} (U+00B7) are read as
 *       {@code -} and {@code *}. A scalar broadcasts over a vector.
 *   <li><b>Element-wise functions:</b> {@code exp log log1p expm1 sqrt abs sigmoid softplus tanh
 *       relu}, and {@code min(a, b)}, {@code max(a, b)}.
 *   <li><b>Reductions</b> (vector to scalar): {@code sum mean max min logsumexp norm} of one vector,
 *       {@code dot(a, b)} of two.
 *   <li><b>Vector functions:</b> {@code softmax logsoftmax}.
 * </ul>
 *
 * Grammar: {@code sum := product (('+'|'-') product)*}, {@code product := unary (('*'|'/') unary)*},
 * {@code unary := ('-'|'+') unary | power}, {@code power := postfix ('^' unary)?},
 * {@code postfix := primary ('[' sum ']')*}, {@code primary := number | name | name '(' sum (','
 * sum)* ')' | '(' sum ')'}. Spaces and tabs are ignored; a formula is one line.
 *
 * <p>A scalar formula is a per-example loss ({@code mean} divides by the number of examples). A vector
 * formula is element-wise, as {@code mse} is: {@link #evaluate} returns the sum of its K elements,
 * {@link #elementwise()} is true, {@code mean} divides by {@code n·K}, reduction {@code none} gives
 * the {@code n × K} element values ({@link #elementValues}).
 *
 * <h2>Exactness</h2>
 *
 * The gradient is the exact derivative of the value returned, computed by a tape of primitives, each
 * forward beside its backward. The primitives are the stable ones: {@code softplus} and
 * {@code sigmoid} from {@code e^{−|x|}} as in {@link dev.losslab.math.Stable}, {@code log1p},
 * {@code expm1}, and one max-shifted softmax per vector ({@code e^{v − max}}, the maximal element
 * contributing exactly 1, {@code logsumexp = max + log1p(rest)}) shared by {@code softmax},
 * {@code logsoftmax}, {@code logsumexp}, {@code p} and their elements. The compiler applies exactly
 * these rewrites, each an identity in exact arithmetic, where literal evaluation would lose precision:
 *
 * <ol>
 *   <li>{@code log(softmax(v))} → {@code logsoftmax(v)}, and {@code log(softmax(v)[i])} (so
 *       {@code log(p[label])}) → {@code logsoftmax(v)[i]};
 *   <li>{@code logsumexp(v) - v[i]} → {@code -logsoftmax(v)[i]} and {@code v[i] - logsumexp(v)} →
 *       {@code logsoftmax(v)[i]}, computed {@code (v_i − max) − log1p(rest)};
 *   <li>{@code softmax(v)^c} → {@code exp(c·logsoftmax(v))} and {@code softmax(v)[i]^c} →
 *       {@code exp(c·logsoftmax(v)[i])} for a constant {@code c} that is not a whole number in [0, 64]
 *       (so {@code p[label]^0.7} where {@code p} underflows is not {@code 0^0.7} with an infinite
 *       derivative);
 *   <li>{@code 1 - softmax(v)[i]} and {@code 1 - softmax(v)} → the complement, {@code rest/(1 + rest)}
 *       at the maximal element; every derivative of the softmax family uses it for {@code 1 − p_i};
 *   <li>{@code log(sigmoid(x))} → {@code -softplus(-x)};
 *   <li>{@code log(1 + x)} and {@code log(x + 1)} → {@code log1p(x)};
 *   <li>{@code exp(x) - 1} → {@code expm1(x)}, {@code 1 - exp(x)} → {@code -expm1(x)}, and
 *       {@code exp(x) - b} ({@code b - exp(x)}) → {@code e^x − b} taken as {@code expm1(x)} wherever
 *       {@code b} is 1 when evaluated (a one-hot {@code y}: what {@code exp-mse} does);
 *   <li>{@code x^n} for a whole constant {@code n} in [0, 64] by multiplication ({@code x^2} →
 *       {@code x·x}); other constant exponents by {@link Math#pow};
 *   <li>an element of {@code softmax(v)}, {@code logsoftmax(v)} or {@code 1 - softmax(v)}
 *       ({@code p[label]}) is one node reading the shared softmax, with the precise complement in its
 *       derivative, not an element picked from a vector;
 *   <li>{@code -(-x)} → {@code x};
 *   <li>constant folding: a part made of numbers only is evaluated once, by the primitive that would
 *       run it;
 *   <li>common sub-expressions are shared: one node per distinct operation and operands, so
 *       {@code p} used twice is one softmax.
 * </ol>
 *
 * With them a formula that spells a built-in loss computes the same terms in the same order, and
 * agrees with it to the last digits or nearly ({@code (exp(s) - y)^2}, {@code logsumexp(s) -
 * s[label]}, {@code -dot(y, logsoftmax(s))}, {@code (s - y)^2}, {@code abs(s - y)},
 * {@code 0.5*sum((s - y)^2)}, {@code y*softplus(-s) + (1-y)*softplus(s)}, {@code (p - y)^2},
 * {@code -(1 - p[label])^2 * log(p[label])}). {@link #tape()} shows what the compiler made.
 *
 * <p><b>Kinks.</b> At a kink the gradient is a subgradient: {@code abs} and {@code relu} give 0 at 0;
 * {@code max(a, b)} and {@code min(a, b)} give the whole gradient to {@code a} at a tie; the
 * reductions {@code max} and {@code min} to the first element attaining the extreme; {@code norm}
 * gives 0 at the origin. The gradient checker flags these points and passes a subgradient.
 *
 * <p><b>NaN and infinity.</b> A value or a gradient that is NaN or infinite is never returned: the
 * example's value and gradient are checked once at its end, and on failure the example is replayed to
 * find the first sub-expression that became non-finite, which a {@link FormulaDomainException} names
 * with its column, the element, the value and its arguments ({@code log(s[0])} at a negative score,
 * {@code exp(s)} overflowing above 709.78, {@code (exp(s) - y)^2} above ≈ 354.9 where the built-in
 * {@code exp-mse} returns {@code +∞}, {@code sqrt} at 0 whose derivative is infinite). A constant part
 * that is not finite ({@code log(0)}) is a {@link FormulaException} at compile time. NaN or infinite
 * scores are rejected by {@code LossEvaluation}.
 *
 * <p><b>Targets.</b> Labels must lie in {@code [0, K)}; a dense target must have K columns and finite
 * values; a formula using {@code label} needs labels; a constant index must be below K. All are
 * checked by {@link #validate}, with the column of the part at fault.
 *
 * <p><b>Threads.</b> The loss is immutable and thread-safe. The {@link Loss} interface passes no
 * scratch, so each thread evaluating it gets its own workspace (a {@link ThreadLocal} of this loss,
 * sized for the last K it saw: values, gradients and caches of every node, about {@code 2K} doubles
 * per vector node); the hot loops then allocate nothing per example.
 *
 * <p>{@link #name()} is {@code formula:} followed by the expression as typed (trimmed), and
 * {@code Losses.create(name())} makes an equal loss, so a model can store it.
 */
public final class FormulaLoss implements Loss, FloatLoss {
  /** The prefix of a formula's loss name. */
  public static final String PREFIX = "formula:";

  private final String expression;
  private final Program program;
  private final ThreadLocal<Workspace> workspaces;

  private FormulaLoss(String expression) {
    this.expression = expression;
    this.program = Compiler.compile(expression);
    this.workspaces = ThreadLocal.withInitial(() -> new Workspace(program));
  }

  /**
   * The loss of {@code expression} (the part after {@code formula:}; trimmed).
   *
   * @throws FormulaException if it is empty or malformed, naming the column
   */
  public static FormulaLoss of(String expression) {
    if (expression == null) {
      throw new NullPointerException("expression");
    }
    return new FormulaLoss(expression.trim());
  }

  /**
   * The loss named {@code formula:EXPR}, as {@code Losses.create} gives it.
   *
   * @throws IllegalArgumentException if {@code name} does not start with {@code formula:}, or
   *     {@code options} is not empty (a formula takes none: write constants into it)
   * @throws FormulaException if the expression is empty or malformed
   */
  public static FormulaLoss parse(String name, Map<String, ?> options) {
    if (!isFormula(name)) {
      throw new IllegalArgumentException("a formula loss is named formula:EXPR, not '" + name + "'");
    }
    String expression = name.trim().substring(PREFIX.length()).trim();
    if (options != null && !options.isEmpty()) {
      throw new IllegalArgumentException(PREFIX + expression + " takes no options (got "
          + options.keySet() + "): write constants into the formula");
    }
    return new FormulaLoss(expression);
  }

  /** Whether {@code name} is a formula's name: it starts with {@code formula:} (any case, after spaces). */
  public static boolean isFormula(String name) {
    return name != null && name.trim().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** The expression, as typed (trimmed), without the prefix. */
  public String expression() {
    return expression;
  }

  /** Whether the formula uses {@code label} (and so needs class labels). */
  public boolean usesLabel() {
    return program.usesLabel();
  }

  /** Whether the formula reads {@code y}. */
  public boolean usesTarget() {
    return program.usesTarget();
  }

  /**
   * The compiled tape, one node a line in evaluation order, e.g. {@code t2 =
   * logsoftmax_at[label](t0, t1)  scalar}: where the rewrites and the shared sub-expressions show.
   */
  public String tape() {
    return program.describe();
  }

  @Override
  public String name() {
    return PREFIX + expression;
  }

  @Override
  public boolean elementwise() {
    return program.root().vector;
  }

  /**
   * Checks the target: labels in {@code [0, k)}; else no {@code label} in the formula, {@code k}
   * columns and finite values; and every constant index below {@code k}.
   *
   * @throws FormulaException for {@code label} with a dense target or an index out of range, with
   *     its column
   * @throws IllegalArgumentException for a wrong shape, a label out of range or a non-finite target
   */
  @Override
  public void validate(Target target, int n, int k) {
    if (k < 1) {
      throw new IllegalArgumentException(name() + " needs at least one score per example (k = " + k + ")");
    }
    if (target.hasLabels()) {
      Targets.requireLabelsInRange(target, n, k, false, 0);
    } else {
      if (program.usesLabel()) {
        throw program.labelNeedsLabels();
      }
      Targets.requireShape(target, n, k);
      Targets.requireFinite(target, n, k);
    }
    program.checkIndices(k);
  }

  /**
   * @throws FormulaDomainException if the value or the gradient is NaN or infinite
   */
  @Override
  public double evaluate(double[] s, int so, int k, Target target, int row, double[] g, int go) {
    return program.evaluate(workspaces.get(), s, so, k, target, row, g, go);
  }

  /**
   * The float path: the row widened into {@code scratch[0, k)}, evaluated in double with the gradient
   * in {@code scratch[k, 2k)}, narrowed as {@code (float) (scale · g)}; the same result as the
   * widening path every other loss gets ({@link FloatLoss#of}), with the scores' maximum found while
   * widening and the finiteness check done while narrowing, rather than in passes of their own.
   *
   * @throws FormulaDomainException if the value or the gradient is NaN or infinite
   */
  @Override
  public double evaluate(float[] s, int so, int k, Target target, int row, float[] g, int go,
      double[] scratch, float scale) {
    // the first maximal score rides along with the widening (a branch almost never taken), so a
    // softmax of s need not look for it in a pass of its own
    int argmax = 0;
    float max = s[so];
    for (int j = 0; j < k; j++) {
      float v = s[so + j];
      scratch[j] = v;
      if (v > max) {
        max = v;
        argmax = j;
      }
    }
    Workspace w = workspaces.get();
    double value = program.run(w, scratch, 0, k, target, row, scratch, k, argmax);
    // d·0 is 0 for a finite d and NaN otherwise: one add per entry tells whether any is not finite
    double zero = value * 0.0;
    for (int j = 0; j < k; j++) {
      double d = scratch[k + j];
      zero += d * 0.0;
      g[go + j] = (float) (scale * d);
    }
    if (zero != 0) {
      throw program.failure(w, value);
    }
    return value;
  }

  /**
   * @throws UnsupportedOperationException for a scalar formula
   * @throws FormulaDomainException if an element is NaN or infinite
   */
  @Override
  public void elementValues(double[] s, int so, int k, Target target, int row, double[] out, int oo) {
    if (!elementwise()) {
      throw new UnsupportedOperationException(name() + " is a scalar formula, not element-wise");
    }
    program.elementValues(workspaces.get(), s, so, k, target, row, out, oo);
  }

  /** Equal when the expressions are equal as typed. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FormulaLoss f && f.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return name();
  }
}
