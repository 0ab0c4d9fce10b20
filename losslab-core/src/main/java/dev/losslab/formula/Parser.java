package dev.losslab.formula;

import dev.losslab.formula.Lexer.Token;
import dev.losslab.formula.Lexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the formula grammar (lowest precedence first):
 *
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := postfix ('^' unary)?            right-associative: 2^3^2 = 2^9; -2^2 = -(2^2)
 * postfix := primary ('[' sum ']')*
 * primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 */
final class Parser {
  private final String expression;
  private final List<Token> tokens;
  private int next;

  private Parser(String expression) {
    this.expression = expression;
    this.tokens = Lexer.tokens(expression);
  }

  /** Parses the whole expression; anything after a complete formula is an error. */
  static Ast parse(String expression) {
    Parser p = new Parser(expression);
    Ast ast = p.sum();
    Token t = p.peek();
    if (t.type() != Type.END) {
      throw p.error(t, "expected an operator or the end of the formula, found " + t.describe());
    }
    return ast;
  }

  private Ast sum() {
    Ast left = product();
    while (isOperator(peek(), '+') || isOperator(peek(), '-')) {
      Token op = take();
      Ast right = product();
      left = new Ast.Binary(op.text().charAt(0), left, right, op.position(), left.start(), right.end());
    }
    return left;
  }

  private Ast product() {
    Ast left = unary();
    while (isOperator(peek(), '*') || isOperator(peek(), '/')) {
      Token op = take();
      Ast right = unary();
      left = new Ast.Binary(op.text().charAt(0), left, right, op.position(), left.start(), right.end());
    }
    return left;
  }

  private Ast unary() {
    if (isOperator(peek(), '-') || isOperator(peek(), '+')) {
      Token op = take();
      Ast operand = unary();
      return new Ast.Unary(op.text().charAt(0), operand, op.position(), operand.end());
    }
    return power();
  }

  private Ast power() {
    Ast base = postfix();
    if (isOperator(peek(), '^')) {
      Token op = take();
      Ast exponent = unary();
      return new Ast.Binary('^', base, exponent, op.position(), base.start(), exponent.end());
    }
    return base;
  }

  private Ast postfix() {
    Ast e = primary();
    while (peek().type() == Type.OPEN_BRACKET) {
      Token open = take();
      Ast index = sum();
      Token close = expect(Type.CLOSE_BRACKET, "']' to close the '[' at column " + (open.position() + 1));
      e = new Ast.Index(e, index, open.position(), e.start(), close.position() + 1);
    }
    return e;
  }

  private Ast primary() {
    Token t = peek();
    switch (t.type()) {
      case NUMBER -> {
        take();
        return new Ast.Number(t.number(), t.position(), t.position() + t.text().length());
      }
      case NAME -> {
        take();
        if (peek().type() != Type.OPEN) {
          return new Ast.Name(t.text(), t.position(), t.position() + t.text().length());
        }
        Token open = take();
        List<Ast> arguments = new ArrayList<>();
        if (peek().type() == Type.CLOSE) {
          throw error(peek(), "expected an argument of " + t.text() + "(...), found ')'");
        }
        arguments.add(sum());
        while (peek().type() == Type.COMMA) {
          take();
          arguments.add(sum());
        }
        Token close = expect(Type.CLOSE, "',' or ')' to close the '(' at column " + (open.position() + 1));
        return new Ast.Call(t.text(), List.copyOf(arguments), t.position(), close.position() + 1);
      }
      case OPEN -> {
        Token open = take();
        if (peek().type() == Type.CLOSE) {
          throw error(peek(), "expected an expression inside '(' ... ')', found ')'");
        }
        Ast inner = sum();
        Token close = expect(Type.CLOSE, "')' to close the '(' at column " + (open.position() + 1));
        return new Ast.Group(inner, open.position(), close.position() + 1);
      }
      default -> throw error(t, "expected a number, a name, a function or '(', found " + t.describe());
    }
  }

  private Token expect(Type type, String what) {
    Token t = peek();
    if (t.type() != type) {
      throw error(t, "expected " + what + ", found " + t.describe());
    }
    return take();
  }

  private static boolean isOperator(Token t, char op) {
    return t.type() == Type.OPERATOR && t.text().charAt(0) == op;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  private FormulaException error(Token at, String detail) {
    return new FormulaException(expression, at.position(), detail);
  }
}
