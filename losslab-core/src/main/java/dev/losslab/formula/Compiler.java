package dev.losslab.formula;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type-checks the syntax tree and builds the graph: names to leaves, operators and functions to
 * nodes through the {@link Builder} (which rewrites, folds and shares). A value is a scalar or a
 * vector of K; a scalar broadcasts over a vector. Errors name the column of the part at fault.
 */
final class Compiler {
  static final String KNOWN_NAMES = "s, y, p, label, K";
  private static final Map<String, Kind> ELEMENTWISE = new LinkedHashMap<>();

  static {
    ELEMENTWISE.put("exp", Kind.EXP);
    ELEMENTWISE.put("log", Kind.LOG);
    ELEMENTWISE.put("log1p", Kind.LOG1P);
    ELEMENTWISE.put("expm1", Kind.EXPM1);
    ELEMENTWISE.put("sqrt", Kind.SQRT);
    ELEMENTWISE.put("abs", Kind.ABS);
    ELEMENTWISE.put("sigmoid", Kind.SIGMOID);
    ELEMENTWISE.put("softplus", Kind.SOFTPLUS);
    ELEMENTWISE.put("tanh", Kind.TANH);
    ELEMENTWISE.put("relu", Kind.RELU);
  }

  private static final List<String> OTHER_FUNCTIONS =
      List.of("min", "max", "sum", "mean", "logsumexp", "norm", "dot", "softmax", "logsoftmax");

  /** Every function name, for messages. */
  static String knownFunctions() {
    return String.join(", ", ELEMENTWISE.keySet()) + ", " + String.join(", ", OTHER_FUNCTIONS);
  }

  private final String expression;
  private final Builder builder;
  private int labelAt = -1;
  private int maxIndex = -1;
  private int maxIndexAt = -1;

  private Compiler(String expression) {
    this.expression = expression;
    this.builder = new Builder(expression);
  }

  /**
   * Compiles {@code expression} (trimmed, without the {@code formula:} prefix) to its tape.
   *
   * @throws FormulaException for an empty or malformed formula, naming the column
   */
  static Program compile(String expression) {
    if (expression.isEmpty()) {
      throw new FormulaException(expression, -1,
          "empty formula 'formula:' (write formula:EXPR, e.g. formula:logsumexp(s) - s[label])");
    }
    Compiler c = new Compiler(expression);
    Expr root = c.compile(Parser.parse(expression));
    if (root.kind.leaf()) {
      root = c.builder.copy(root);
    }
    return new Program(expression, root, c.builder.count(), c.labelAt, c.maxIndex, c.maxIndexAt);
  }

  private Expr compile(Ast a) {
    if (a instanceof Ast.Number n) {
      return builder.number(n.value(), n.start(), n.end());
    }
    if (a instanceof Ast.Name n) {
      return name(n);
    }
    if (a instanceof Ast.Group g) {
      return compile(g.inner());
    }
    if (a instanceof Ast.Unary u) {
      Expr x = compile(u.operand());
      return u.operator() == '-' ? builder.neg(x, u.start(), u.end()) : x;
    }
    if (a instanceof Ast.Binary b) {
      Expr l = compile(b.left());
      Expr r = compile(b.right());
      Kind op = switch (b.operator()) {
        case '+' -> Kind.ADD;
        case '-' -> Kind.SUB;
        case '*' -> Kind.MUL;
        case '/' -> Kind.DIV;
        default -> Kind.POW;
      };
      return builder.binary(op, l, r, b.start(), b.end());
    }
    if (a instanceof Ast.Call c) {
      return call(c);
    }
    return index((Ast.Index) a);
  }

  private Expr name(Ast.Name n) {
    switch (n.name()) {
      case "s":
        return builder.leaf(Kind.SCORES, n.start(), n.end());
      case "y":
        return builder.leaf(Kind.TARGET, n.start(), n.end());
      case "p":
        return builder.softmax(builder.leaf(Kind.SCORES, n.start(), n.end()), n.start(), n.end());
      case "label":
        labelAt = labelAt < 0 ? n.start() : Math.min(labelAt, n.start());
        return builder.leaf(Kind.LABEL, n.start(), n.end());
      case "K":
        return builder.leaf(Kind.CLASSES, n.start(), n.end());
      default:
        break;
    }
    if (ELEMENTWISE.containsKey(n.name()) || OTHER_FUNCTIONS.contains(n.name())) {
      throw error(n, "'" + n.name() + "' is a function: write " + n.name() + "(...)");
    }
    throw error(n, "unknown name '" + n.name() + "' (known: " + KNOWN_NAMES + ")");
  }

  private Expr call(Ast.Call c) {
    String f = c.function();
    List<Ast> args = c.arguments();
    int start = c.start();
    int end = c.end();
    Kind elementwise = ELEMENTWISE.get(f);
    if (elementwise != null) {
      arity(c, 1);
      return builder.apply(elementwise, compile(args.get(0)), start, end);
    }
    switch (f) {
      case "min":
      case "max": {
        if (args.size() == 2) {
          return builder.binary(f.equals("min") ? Kind.MIN : Kind.MAX, compile(args.get(0)),
              compile(args.get(1)), start, end);
        }
        if (args.size() != 1) {
          throw error(c, f + " takes 1 argument (the " + (f.equals("min") ? "smallest" : "largest")
              + " element of a vector) or 2 (the element-wise " + (f.equals("min") ? "minimum" : "maximum")
              + "), got " + args.size());
        }
        return builder.reduce(f.equals("min") ? Kind.MIN_OF : Kind.MAX_OF, vector(c, args.get(0)),
            start, end);
      }
      case "sum":
        arity(c, 1);
        return builder.reduce(Kind.SUM, vector(c, args.get(0)), start, end);
      case "mean":
        arity(c, 1);
        return builder.reduce(Kind.MEAN, vector(c, args.get(0)), start, end);
      case "norm":
        arity(c, 1);
        return builder.reduce(Kind.NORM, vector(c, args.get(0)), start, end);
      case "logsumexp":
        arity(c, 1);
        return builder.logSumExp(vector(c, args.get(0)), start, end);
      case "softmax":
        arity(c, 1);
        return builder.softmax(vector(c, args.get(0)), start, end);
      case "logsoftmax":
        arity(c, 1);
        return builder.logSoftmax(vector(c, args.get(0)), start, end);
      case "dot":
        arity(c, 2);
        return builder.dot(vector(c, args.get(0)), vector(c, args.get(1)), start, end);
      default:
        break;
    }
    if (List.of("s", "y", "p", "label", "K").contains(f)) {
      throw error(c, "'" + f + "' is not a function" + (f.equals("s") || f.equals("y") || f.equals("p")
          ? ": write " + f + "[i] to take an element" : ""));
    }
    throw error(c, "unknown function '" + f + "' (known: " + knownFunctions() + ")");
  }

  private void arity(Ast.Call c, int n) {
    if (c.arguments().size() != n) {
      throw error(c, c.function() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
          + c.arguments().size());
    }
  }

  /** Compiles a function argument that must be a vector. */
  private Expr vector(Ast.Call c, Ast argument) {
    Expr v = compile(argument);
    if (!v.vector) {
      throw error(argument, c.function() + " needs a vector of K values, but "
          + text(argument) + " is a scalar");
    }
    return v;
  }

  private Expr index(Ast.Index ix) {
    Expr v = compile(ix.vector());
    if (!v.vector) {
      throw new FormulaException(expression, ix.bracketAt(),
          "cannot index " + text(ix.vector()) + ": it is a scalar, not a vector");
    }
    Ast at = ix.index();
    Expr i = compile(at);
    if (i.vector) {
      throw error(at, "an index must be a scalar (a whole number or label), but " + text(at)
          + " is a vector");
    }
    if (i.kind == Kind.LABEL) {
      return builder.index(v, Expr.LABEL_INDEX, ix.start(), ix.end());
    }
    if (!i.isNumber()) {
      throw error(at, "an index must be a whole number or label, not the computed value " + text(at));
    }
    double c = i.number;
    if (c != Math.rint(c) || c < 0 || c >= Integer.MAX_VALUE) {
      throw error(at, "index " + text(at) + " must be a whole number from 0 to K - 1");
    }
    if ((int) c > maxIndex) {
      maxIndex = (int) c;
      maxIndexAt = at.start();
    }
    return builder.index(v, (int) c, ix.start(), ix.end());
  }

  private String text(Ast a) {
    return expression.substring(a.start(), a.end());
  }

  private FormulaException error(Ast at, String detail) {
    return new FormulaException(expression, at.start(), detail);
  }
}
