package dev.losslab.formula;

import java.util.List;

/**
 * The syntax tree of a formula, as parsed: each node knows the characters {@code [start, end)} it was
 * written with (0-based), so that errors point at a column and domain errors quote the text.
 */
sealed interface Ast {
  /** Position of the first character. */
  int start();

  /** Position after the last character. */
  int end();

  /** A number as written. */
  record Number(double value, int start, int end) implements Ast {}

  /** A name: {@code s}, {@code y}, {@code p}, {@code label}, {@code K} (checked later). */
  record Name(String name, int start, int end) implements Ast {}

  /** {@code -operand} (unary minus) or {@code +operand}. */
  record Unary(char operator, Ast operand, int start, int end) implements Ast {}

  /** {@code left op right}, {@code op} one of {@code + - * / ^} at {@code operatorAt}. */
  record Binary(char operator, Ast left, Ast right, int operatorAt, int start, int end) implements Ast {}

  /** {@code function(arguments)}. */
  record Call(String function, List<Ast> arguments, int start, int end) implements Ast {}

  /** {@code (inner)}: parentheses, kept so that the text of a sub-expression includes them. */
  record Group(Ast inner, int start, int end) implements Ast {}

  /** {@code vector[index]}, the bracket at {@code bracketAt}. */
  record Index(Ast vector, Ast index, int bracketAt, int start, int end) implements Ast {}
}
