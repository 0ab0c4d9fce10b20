package dev.losslab.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.loss.Loss;
import dev.losslab.loss.Losses;
import dev.losslab.loss.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grammar (precedence, right-associative {@code ^}, unary minus, indexing) by the values formulas
 * take, and every compile-time error with its column and caret.
 */
class ParserTest {
  private static final double[] S = {3.0, -1.5, 0.25};

  /** A formula and the value it must take at {@link #S} with label 1. */
  record Value(String formula, double expected) {
    @Override
    public String toString() {
      return formula + " = " + expected;
    }
  }

  static List<Value> values() {
    return List.of(
        new Value("1 + 2 * 3", 7),
        new Value("(1 + 2) * 3", 9),
        new Value("10 - 4 - 3", 3),
        new Value("8 / 4 / 2", 1),
        new Value("2^3^2", 512),
        new Value("(2^3)^2", 64),
        new Value("-2^2", -4),
        new Value("(-2)^2", 4),
        new Value("2^-1", 0.5),
        new Value("-2^-2", -0.25),
        new Value("2 * -3", -6),
        new Value("--2", 2),
        new Value("+2 - -1", 3),
        new Value("1e-4 * 1e4", 1),
        new Value(".5 + 0.25 + 2.", 2.75),
        new Value("3 \u2212 1 \u00b7 2", 1),
        new Value("-s[0]", -3),
        new Value("-s[0]^2", -9),
        new Value("s[0]^2^0.5", Math.pow(3, Math.sqrt(2))),
        new Value("s[1] * 2 + s[0]", 0),
        new Value("s[2] / s[2] / 2", 0.5),
        new Value("K", 3),
        new Value("label * 10", 10),
        new Value("y[label] + y[0]", 1),
        new Value("sum(y)", 1),
        new Value("2 * s[label]^2", 4.5),
        new Value("softmax(s)[label] - p[1]", 0),
        new Value("(s - 1)[0]", 2),
        new Value("(2 * s)[1]", -3),
        new Value("max(s) + min(s)", 1.5),
        new Value("max(s[1], s[2]) - min(s[1], 0)", 1.75),
        new Value("mean(s)", 1.75 / 3),
        new Value("dot(s, s) - norm(s)^2", 0),
        new Value("\tsum( s ) ", 1.75));
  }

  @ParameterizedTest
  @MethodSource("values")
  void formulasTakeTheirMathematicalValue(Value v) {
    Loss loss = Losses.create("formula:" + v.formula());
    double[] g = new double[S.length];
    double value = loss.evaluate(S, 0, S.length, Target.labels(1), 0, g, 0);
    assertThat(value).isCloseTo(v.expected(), org.assertj.core.api.Assertions.within(1e-12));
  }

  /** A formula, the column of its error (0 for none) and the fragments of the message. */
  record Bad(String formula, int column, String... fragments) {
    @Override
    public String toString() {
      return "'" + formula + "'";
    }
  }

  static List<Bad> errors() {
    return List.of(
        new Bad("(exp(s) - y^2", 14,
            "expected ')' to close the '(' at column 1, found the end of the formula"),
        new Bad("s*z", 3, "unknown name 'z' (known: s, y, p, label, K)"),
        new Bad("k - 1", 1, "unknown name 'k' (known: s, y, p, label, K)"),
        new Bad("foo(s)", 1, "unknown function 'foo' (known: exp, log, log1p, expm1, sqrt, abs,",
            "sigmoid, softplus, tanh, relu, min, max, sum, mean, logsumexp, norm, dot, softmax, logsoftmax)"),
        new Bad("log(s, s)", 1, "log takes 1 argument, got 2"),
        new Bad("1 + dot(s)", 5, "dot takes 2 arguments, got 1"),
        new Bad("max(s, s, s)", 1, "max takes 1 argument (the largest element of a vector) or 2"),
        new Bad("s[0][1]", 5, "cannot index s[0]: it is a scalar, not a vector"),
        new Bad("s[s]", 3, "an index must be a scalar (a whole number or label), but s is a vector"),
        new Bad("p[s[0]]", 3, "an index must be a whole number or label, not the computed value s[0]"),
        new Bad("s[1.5]", 3, "index 1.5 must be a whole number"),
        new Bad("s[-1]", 3, "index -1 must be a whole number"),
        new Bad("sum(s[0])", 5, "sum needs a vector of K values, but s[0] is a scalar"),
        new Bad("2 * softmax(K)", 13, "softmax needs a vector of K values, but K is a scalar"),
        new Bad("dot(s, 1)", 8, "dot needs a vector of K values, but 1 is a scalar"),
        new Bad("s +", 4, "expected a number, a name, a function or '(', found the end of the formula"),
        new Bad("2 s", 3, "expected an operator or the end of the formula, found 's'"),
        new Bad("s[0] 2", 6, "expected an operator or the end of the formula, found the number 2"),
        new Bad("exp + 1", 1, "'exp' is a function: write exp(...)"),
        new Bad("s(1)", 1, "'s' is not a function: write s[i] to take an element"),
        new Bad("log()", 5, "expected an argument of log(...), found ')'"),
        new Bad("()", 2, "expected an expression inside '(' ... ')', found ')'"),
        new Bad("s[0", 4, "expected ']' to close the '[' at column 2, found the end of the formula"),
        new Bad("max(s, 1", 9, "expected ',' or ')' to close the '(' at column 4"),
        new Bad("s * 1e+", 5, "malformed number '1e+': the exponent needs digits"),
        new Bad("s $ 2", 3, "unexpected character '$'"),
        new Bad("1e400 * s", 1, "the number 1e400 is too large for a double"),
        new Bad("s + log(0)", 5, "log(0) is -Infinity: a constant part of a formula must be finite"),
        new Bad("s[0] + 1\n+ 2", 9, "unexpected character (a line break: a formula is one line)"),
        new Bad("", 0, "empty formula 'formula:' (write formula:EXPR"),
        new Bad("   ", 0, "empty formula 'formula:'"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorsNameTheirColumnAndDrawACaret(Bad bad) {
    assertThatThrownBy(() -> Losses.create("formula:" + bad.formula()))
        .isInstanceOfSatisfying(FormulaException.class, e -> {
          String expression = bad.formula().trim();
          String shown = expression.replace('\n', '\u21b5');
          assertThat(e).isInstanceOf(IllegalArgumentException.class);
          assertThat(e.column()).isEqualTo(bad.column());
          assertThat(e.expression()).isEqualTo(expression);
          for (String f : bad.fragments()) {
            assertThat(e.getMessage()).contains(f);
            assertThat(e.detail()).contains(f);
          }
          String[] lines = e.getMessage().split("\n", -1);
          if (bad.column() == 0) {
            assertThat(lines).hasSize(1);
          } else {
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).isEqualTo("formula:" + shown + ": column " + bad.column() + ": "
                + e.detail());
            assertThat(lines[1]).isEqualTo("  " + shown);
            assertThat(lines[2]).isEqualTo("  " + ".".repeat(bad.column() - 1) + "^");
          }
        });
  }

  @Test
  void theCaretOfAnUnclosedParenthesisSitsAfterTheLastCharacter() {
    assertThatThrownBy(() -> Losses.create("formula:(exp(s) - y^2"))
        .hasMessage("formula:(exp(s) - y^2: column 14: expected ')' to close the '(' at column 1, "
            + "found the end of the formula\n"
            + "  (exp(s) - y^2\n"
            + "  .............^");
  }

  @Test
  void errorsFoundAtValidationHaveAColumnToo() {
    Loss indexed = Losses.create("formula:s[0] - s[7]");
    assertThatThrownBy(() -> indexed.validate(Target.labels(0), 1, 5))
        .isInstanceOfSatisfying(FormulaException.class, e -> {
          assertThat(e.column()).isEqualTo(10);
          assertThat(e.detail()).isEqualTo(
              "index 7 is out of range for K = 5 scores (indices run from 0 to 4)");
        });
    Loss labelled = Losses.create("formula:logsumexp(s) - s[label]");
    assertThatThrownBy(() -> labelled.validate(Target.dense(1, 3, new double[] {1, 0, 0}), 1, 3))
        .isInstanceOfSatisfying(FormulaException.class, e -> {
          assertThat(e.column()).isEqualTo(18);
          assertThat(e.getMessage()).startsWith("formula:logsumexp(s) - s[label]: column 18: "
              + "formula uses label, which needs class labels, not a dense target\n");
        });
  }

  @Test
  void aFormulaTakesNoOptions() {
    assertThatThrownBy(() -> Losses.create("formula:s[0]", Map.of("delta", 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("formula:s[0] takes no options (got [delta]): write constants into the formula");
  }

  @Test
  void theNameIsThePrefixAndTheTrimmedExpressionAndRecreatesTheLoss() {
    Loss loss = Losses.create("  formula:  logsumexp(s) - s[label]  ");
    assertThat(loss.name()).isEqualTo("formula:logsumexp(s) - s[label]");
    assertThat(Losses.create(loss.name())).isEqualTo(loss).hasSameHashCodeAs(loss);
    assertThat(Losses.create("FORMULA:K").name()).isEqualTo("formula:K");
    assertThat(Losses.optionNames(loss.name())).isEmpty();
    assertThatThrownBy(() -> Losses.optionNames("formula:s +")).isInstanceOf(FormulaException.class);
  }
}
