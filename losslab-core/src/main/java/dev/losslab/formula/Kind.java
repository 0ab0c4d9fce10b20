package dev.losslab.formula;

/** What a node of the compiled graph computes; {@link Ops#of} gives the primitive that runs it. */
enum Kind {
  // leaves
  SCORES("s"), TARGET("y"), LABEL("label"), CLASSES("K"), NUMBER("number"),
  // element-wise, one argument
  NEG("neg"), EXP("exp"), LOG("log"), LOG1P("log1p"), EXPM1("expm1"), SQRT("sqrt"), ABS("abs"),
  SIGMOID("sigmoid"), SOFTPLUS("softplus"), TANH("tanh"), RELU("relu"), POW_INT("powi"),
  POW_CONST("powc"), COPY("copy"),
  // element-wise, two arguments (a scalar broadcasts)
  ADD("add"), SUB("sub"), MUL("mul"), DIV("div"), POW("pow"), MIN("min"), MAX("max"),
  EXP_MINUS("expminus"),
  // vector to scalar
  SUM("sum"), MEAN("mean"), MAX_OF("maxof"), MIN_OF("minof"), NORM("norm"), DOT("dot"),
  LOGSUMEXP("logsumexp"), INDEX("index"),
  // the softmax family, sharing one softmax node per vector
  SOFTMAX("softmax"), LOG_SOFTMAX("logsoftmax"), SOFTMAX_AT("softmax_at"),
  LOG_SOFTMAX_AT("logsoftmax_at"), COMPLEMENT_AT("one_minus_softmax_at"),
  COMPLEMENT("one_minus_softmax");

  final String label;

  Kind(String label) {
    this.label = label;
  }

  boolean leaf() {
    return ordinal() <= NUMBER.ordinal();
  }

  /** Whether the node applies a function element by element (a scalar argument broadcasting). */
  boolean elementwise() {
    return ordinal() >= NEG.ordinal() && ordinal() <= EXP_MINUS.ordinal();
  }

  /** Whether the node reads the index parameter ({@code v[i]}, {@code i ≥ 0}, or -1 for label). */
  boolean indexed() {
    return this == INDEX || this == SOFTMAX_AT || this == LOG_SOFTMAX_AT || this == COMPLEMENT_AT;
  }
}
