package dev.losslab.formula;

/** The primitive that runs each {@link Kind} of node. */
final class Ops {
  private Ops() {}

  /**
   * The op computing {@code e}; leaves have none. {@code readers} tells whether something other than
   * a member of the softmax family reads {@code e}'s value (a softmax node is then normalised).
   */
  static Op of(Expr e, boolean readers) {
    return switch (e.kind) {
      case SCORES, TARGET, LABEL, CLASSES, NUMBER ->
          throw new IllegalStateException(e.kind + " is a leaf, not a primitive");
      case NEG -> new ElementwiseOps.Neg(e);
      case COPY -> new ElementwiseOps.Copy(e);
      case EXP -> new ElementwiseOps.Exp(e);
      case LOG -> new ElementwiseOps.Log(e);
      case LOG1P -> new ElementwiseOps.Log1p(e);
      case EXPM1 -> new ElementwiseOps.Expm1(e);
      case SQRT -> new ElementwiseOps.Sqrt(e);
      case ABS -> new ElementwiseOps.Abs(e);
      case RELU -> new ElementwiseOps.Relu(e);
      case SIGMOID -> new LogisticOps.Sigmoid(e);
      case SOFTPLUS -> new LogisticOps.Softplus(e);
      case TANH -> new LogisticOps.Tanh(e);
      case POW_INT -> new PowerOps.PowWhole(e);
      case POW_CONST -> new PowerOps.PowConstant(e);
      case POW -> new PowerOps.Pow(e);
      case EXP_MINUS -> new PowerOps.ExpMinus(e);
      case ADD -> new ArithmeticOps.Add(e);
      case SUB -> new ArithmeticOps.Sub(e);
      case MUL -> new ArithmeticOps.Mul(e);
      case DIV -> new ArithmeticOps.Div(e);
      case MIN -> new ArithmeticOps.Min(e);
      case MAX -> new ArithmeticOps.Max(e);
      case SUM -> new ReductionOps.Sum(e);
      case MEAN -> new ReductionOps.Mean(e);
      case MAX_OF -> new ReductionOps.Extreme(e, true);
      case MIN_OF -> new ReductionOps.Extreme(e, false);
      case NORM -> new ReductionOps.Norm(e);
      case DOT -> new ReductionOps.Dot(e);
      case INDEX -> new ReductionOps.Index(e);
      case SOFTMAX -> new SoftmaxOps.Softmax(e, readers);
      case LOG_SOFTMAX -> new SoftmaxOps.LogSoftmax(e);
      case LOGSUMEXP -> new SoftmaxOps.LogSumExp(e);
      case SOFTMAX_AT -> new SoftmaxOps.SoftmaxAt(e);
      case LOG_SOFTMAX_AT -> new SoftmaxOps.LogSoftmaxAt(e);
      case COMPLEMENT_AT -> new SoftmaxOps.ComplementAt(e);
      case COMPLEMENT -> new SoftmaxOps.Complement(e);
    };
  }
}
