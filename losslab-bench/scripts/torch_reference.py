#!/usr/bin/python3
"""Reference values and gradients of the losslab losses, computed with PyTorch in float64.

Writes losslab-core/src/test/resources/dev/losslab/loss/torch-reference.jsonl (or the path given as
the first argument): one case per line in the JSON-lines format of `losslab loss --jsonl`:

  {"loss": NAME, "scores": [[...]], "labels": [...] | "target": [[...]],
   "options": {"reduction": "mean"|"sum"|"none", ...}, "value": v | "values": [...],
   "gradient": [[...]]}

"values" (reduction none) has one entry per example, or one per element ([[...]], n x k) for the
element-wise losses, as PyTorch's element-wise losses report them. "gradient" is d value / d scores
(for none: of the sum of the values), computed by autograd. A case may carry a "note".

Where PyTorch has the loss the value is PyTorch's own (F.cross_entropy, F.nll_loss,
F.binary_cross_entropy_with_logits, F.mse_loss, F.huber_loss, F.smooth_l1_loss, F.kl_div on
log_softmax with 'batchmean' as losslab's mean, F.poisson_nll_loss(log_input=True),
F.multi_margin_loss p=1/2); the losses PyTorch lacks are written from their formulas in torch ops
(l2, softmax-mse, exp-mse, mae = L1Loss, log-cosh, focal) and differentiated by autograd. So are the
robust and margin losses, each as its peer or paper writes it: poly1 and cosine as optax's
poly_loss_cross_entropy and cosine_distance, sparsemax as optax's Fenchel-Young form
<p, s> + <p, 1 - p>/2 - s_y on the simplex projection, sigmoid-focal as torchvision's
sigmoid_focal_loss, sce, nce-rce and nce-mae as the code of Wang et al. and Ma et al. (log 0 clamped
to log 1e-4), gce, taylor-ce and rescaled-mse from their papers' formulas. Their cases come after the
first sixteen losses', so the earlier random draws, and lines, stay as they were.

Run with Debian's python3-torch: /usr/bin/python3 losslab-bench/scripts/torch_reference.py
The output is deterministic (fixed seed); rerunning it must reproduce the committed file.
"""

import json
import math
import os
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
GEN = torch.Generator().manual_seed(20261122)
REDUCTIONS = ("mean", "sum", "none")

# Losses whose reduction 'none' reports one value per element (n x k) and whose 'mean' divides by
# n * k; the others report one value per example and 'mean' divides by n (or by the sum of the
# targets' class weights for weighted cross-entropy and nll, as PyTorch does).
ELEMENTWISE = {"binary-cross-entropy", "mse", "huber", "smooth-l1", "poisson", "mae", "log-cosh",
               "exp-mse", "softmax-mse", "sigmoid-focal", "rescaled-mse"}

CASES = []


def randn(n, k, scale=2.0, digits=4):
    """Random scores rounded to a few decimals, so the inputs in the file are short and exact."""
    x = torch.randn(n, k, generator=GEN) * scale
    return torch.round(x * 10 ** digits) / 10 ** digits


def randint(n, k):
    return torch.randint(0, k, (n,), generator=GEN)


def rand(n, k, digits=4):
    x = torch.rand(n, k, generator=GEN)
    return torch.round(x * 10 ** digits) / 10 ** digits


def distributions(n, k, zeros=False):
    """Rows of probabilities summing to 1 (full precision); with zeros, some entries exactly 0."""
    p = torch.softmax(torch.randn(n, k, generator=GEN) * 1.5, dim=1)
    if zeros:
        mask = torch.rand(n, k, generator=GEN) < 0.35
        mask[:, 0] = False  # keep every row non-empty
        p = p.masked_fill(mask, 0.0)
        p = p / p.sum(dim=1, keepdim=True)
    return p


def onehot(labels, k):
    return F.one_hot(labels, k).to(torch.float64)


def tolist(t):
    return t.detach().tolist()


def emit(loss, fn, scores, labels=None, target=None, options=None, reductions=REDUCTIONS,
         note=None, nan_mean_is_zero=False, adjust_gradient=None):
    """Adds one case per reduction: fn(s, reduction) returns PyTorch's reduced output.

    adjust_gradient(grad) may replace PyTorch's gradient where losslab defines another convention
    (only at kinks, and the case's note says so)."""
    options = dict(options or {})
    for reduction in reductions:
        s = scores.clone().detach().requires_grad_(True)
        out = fn(s, reduction)
        total = out.sum() if reduction == "none" else out
        total.backward()
        value = out.detach()
        grad = s.grad.detach()
        case = {"loss": loss, "scores": tolist(scores)}
        if labels is not None:
            case["labels"] = tolist(labels)
        if target is not None:
            case["target"] = tolist(target)
        case["options"] = dict(options, reduction=reduction)
        if reduction == "none":
            if loss not in ELEMENTWISE and value.dim() == 2:
                value = value.sum(dim=1)
            case["values"] = tolist(value)
        else:
            v = value.item()
            if math.isnan(v) and nan_mean_is_zero and reduction == "mean":
                # PyTorch: 0/0 = NaN when every target is ignored; losslab defines value 0, gradient 0.
                v = 0.0
                grad = torch.zeros_like(grad)
                case["note"] = "PyTorch returns NaN here (0/0); losslab defines 0"
            case["value"] = v
        if note is not None:
            case["note"] = note
        if adjust_gradient is not None:
            grad = adjust_gradient(grad)
        case["gradient"] = tolist(grad)
        checked = [case.get("value", 0.0)] + grad.flatten().tolist()
        if reduction == "none":
            checked += value.flatten().tolist()
        for x in checked:
            if not math.isfinite(x):
                raise SystemExit(f"non-finite reference in {loss} {options} {reduction}: {x}")
        CASES.append(case)


def stress_rows(k, big):
    """Scores at +-big in a few patterns, plus a row of ties."""
    rows = torch.zeros(4, k)
    rows[0, :] = -big
    rows[0, 0] = big
    rows[1, :] = big
    rows[1, -1] = -big
    rows[2] = torch.linspace(-big, big, k)
    rows[3, :] = 0.25  # ties
    return rows


# ---------------------------------------------------------------------------------------------
# cross-entropy: labels and probability targets; weight, ignoreIndex, labelSmoothing


def cross_entropy_cases():
    def labels_fn(y, w=None, ii=-100, ls=0.0):
        return lambda s, r: F.cross_entropy(s, y, weight=w, ignore_index=ii, reduction=r,
                                            label_smoothing=ls)

    def probs_fn(p, w=None, ls=0.0):
        return lambda s, r: F.cross_entropy(s, p, weight=w, reduction=r, label_smoothing=ls)

    for n, k in ((4, 3), (3, 6)):
        s = randn(n, k)
        y = randint(n, k)
        w = rand(1, k).flatten() + 0.1
        emit("cross-entropy", labels_fn(y), s, labels=y)
        emit("cross-entropy", labels_fn(y, w), s, labels=y, options={"weight": tolist(w)})
        y2 = y.clone()
        y2[1] = -100
        emit("cross-entropy", labels_fn(y2), s, labels=y2)
        emit("cross-entropy", labels_fn(y2, w), s, labels=y2, options={"weight": tolist(w)})
        y3 = y.clone()
        y3[0] = -1
        emit("cross-entropy", labels_fn(y3, None, -1), s, labels=y3, options={"ignoreIndex": -1})
        emit("cross-entropy", labels_fn(y, None, int(y[0])), s, labels=y,
             options={"ignoreIndex": int(y[0])})
        for ls in (0.1, 1.0):
            emit("cross-entropy", labels_fn(y, None, -100, ls), s, labels=y,
                 options={"labelSmoothing": ls})
        emit("cross-entropy", labels_fn(y2, w, -100, 0.2), s, labels=y2,
             options={"weight": tolist(w), "labelSmoothing": 0.2})
        p = distributions(n, k, zeros=True)
        emit("cross-entropy", probs_fn(p), s, target=p)
        emit("cross-entropy", probs_fn(p, w), s, target=p, options={"weight": tolist(w)})
        emit("cross-entropy", probs_fn(p, None, 0.3), s, target=p, options={"labelSmoothing": 0.3})
        emit("cross-entropy", probs_fn(p, w, 0.3), s, target=p,
             options={"weight": tolist(w), "labelSmoothing": 0.3})
    # every target ignored
    s = randn(3, 4)
    y = torch.tensor([-100, -100, -100])
    emit("cross-entropy", labels_fn(y), s, labels=y, nan_mean_is_zero=True)
    w = torch.tensor([0.5, 1.0, 2.0, 1.5])
    emit("cross-entropy", labels_fn(y, w, -100, 0.1), s, labels=y,
         options={"weight": tolist(w), "labelSmoothing": 0.1}, nan_mean_is_zero=True)
    # stress: saturated scores and ties
    for big in (40.0, 800.0):
        s = stress_rows(5, big)
        y = torch.tensor([0, 0, 4, 2])
        emit("cross-entropy", labels_fn(y), s, labels=y)
        emit("cross-entropy", labels_fn(torch.tensor([1, 4, 0, 2])), s,
             labels=torch.tensor([1, 4, 0, 2]))
        p = distributions(4, 5, zeros=True)
        emit("cross-entropy", probs_fn(p), s, target=p)


def nll_cases():
    def fn(y, w=None, ii=-100):
        return lambda s, r: F.nll_loss(s, y, weight=w, ignore_index=ii, reduction=r)

    for n, k in ((4, 3), (3, 5)):
        s = torch.log_softmax(randn(n, k), dim=1)
        y = randint(n, k)
        w = rand(1, k).flatten() + 0.1
        emit("nll", fn(y), s, labels=y)
        emit("nll", fn(y, w), s, labels=y, options={"weight": tolist(w)})
        y2 = y.clone()
        y2[0] = -100
        emit("nll", fn(y2, w), s, labels=y2, options={"weight": tolist(w)})
        y3 = y.clone()
        y3[1] = 7
        emit("nll", fn(y3, None, 7), s, labels=y3, options={"ignoreIndex": 7})
    s = torch.log_softmax(randn(2, 3), dim=1)
    y = torch.tensor([-100, -100])
    emit("nll", fn(y), s, labels=y, nan_mean_is_zero=True)
    s = torch.log_softmax(stress_rows(4, 800.0), dim=1)
    y = torch.tensor([1, 0, 3, 2])
    emit("nll", fn(y), s, labels=y)


def bce_cases():
    def fn(t, w=None, pw=None):
        return lambda s, r: F.binary_cross_entropy_with_logits(s, t, weight=w, pos_weight=pw,
                                                               reduction=r)

    for n, k in ((4, 3), (2, 5)):
        s = randn(n, k, scale=3.0)
        t01 = (rand(n, k) < 0.5).to(torch.float64)
        tsoft = rand(n, k)
        w = rand(1, k).flatten() + 0.1
        pw = rand(1, k).flatten() * 3 + 0.2
        for t in (t01, tsoft):
            emit("binary-cross-entropy", fn(t), s, target=t)
            emit("binary-cross-entropy", fn(t, w), s, target=t, options={"weight": tolist(w)})
            emit("binary-cross-entropy", fn(t, None, pw), s, target=t,
                 options={"posWeight": tolist(pw)})
            emit("binary-cross-entropy", fn(t, w, pw), s, target=t,
                 options={"weight": tolist(w), "posWeight": tolist(pw)})
    for big in (40.0, 800.0):
        s = stress_rows(4, big)
        t = torch.tensor([[1.0, 0, 0, 1], [0, 1, 1, 0], [0.5, 0.5, 1, 0], [1, 0, 0.3, 1]])
        pw = torch.tensor([0.5, 2.0, 1.0, 3.0])
        emit("binary-cross-entropy", fn(t), s, target=t)
        emit("binary-cross-entropy", fn(t, None, pw), s, target=t, options={"posWeight": tolist(pw)})


# ---------------------------------------------------------------------------------------------
# regression losses on raw scores


def regression_cases():
    def mse(t):
        return lambda s, r: F.mse_loss(s, t, reduction=r)

    def huber(t, delta=None):
        if delta is None:
            return lambda s, r: F.huber_loss(s, t, reduction=r)
        return lambda s, r: F.huber_loss(s, t, reduction=r, delta=delta)

    def smooth_l1(t, beta=None):
        if beta is None:
            return lambda s, r: F.smooth_l1_loss(s, t, reduction=r)
        return lambda s, r: F.smooth_l1_loss(s, t, reduction=r, beta=beta)

    def mae(t):
        return lambda s, r: F.l1_loss(s, t, reduction=r)

    def log_cosh(t):
        def f(s, r):
            d = s - t
            a = d.abs()
            # log cosh d = |d| + log1p(exp(-2|d|)) - log 2: no overflow at any d
            v = a + torch.log1p(torch.exp(-2 * a)) - math.log(2.0)
            return reduce_elements(v, r)
        return f

    def l2(t):
        def f(s, r):
            v = 0.5 * ((s - t) ** 2).sum(dim=1)
            return reduce_examples(v, r)
        return f

    for n, k in ((4, 3), (3, 5)):
        s = randn(n, k)
        t = randn(n, k, scale=1.5)
        emit("mse", mse(t), s, target=t)
        emit("l2", l2(t), s, target=t)
        emit("mae", mae(t), s, target=t)
        emit("log-cosh", log_cosh(t), s, target=t)
        emit("huber", huber(t), s, target=t)
        emit("smooth-l1", smooth_l1(t), s, target=t)
        for delta in (0.5, 2.5):
            emit("huber", huber(t, delta), s, target=t, options={"delta": delta})
        for beta in (0.0, 0.5, 2.5):
            emit("smooth-l1", smooth_l1(t, beta), s, target=t, options={"beta": beta})
    # kinks: scores equal to targets (gradient 0 there, as PyTorch's sign(0) = 0)
    s = torch.tensor([[0.5, -1.0, 2.0], [0.0, 3.0, -0.25]])
    t = torch.tensor([[0.5, -1.5, 2.0], [0.0, 2.0, -0.25]])
    emit("mae", mae(t), s, target=t, note="components with s == y: subgradient 0")
    emit("smooth-l1", smooth_l1(t, 0.0), s, target=t, options={"beta": 0.0},
         adjust_gradient=lambda g: g.masked_fill(s == t, 0.0),
         note="beta 0 is L1; components with s == y: subgradient 0 as L1Loss (PyTorch 1.13's "
              "smooth_l1 backward gives -1 there: it tests x <= -beta first)")
    # huber / smooth-l1 exactly at |s - y| = delta / beta (value and gradient are continuous there)
    emit("huber", huber(t, 0.5), s, target=t, options={"delta": 0.5})
    emit("smooth-l1", smooth_l1(t, 1.0), s, target=t, options={"beta": 1.0})
    for big in (40.0, 800.0):
        s = stress_rows(4, big)
        t = randn(4, 4)
        emit("mse", mse(t), s, target=t)
        emit("l2", l2(t), s, target=t)
        emit("mae", mae(t), s, target=t)
        emit("log-cosh", log_cosh(t), s, target=t)
        emit("huber", huber(t, 1.5), s, target=t, options={"delta": 1.5})
        emit("smooth-l1", smooth_l1(t, 0.5), s, target=t, options={"beta": 0.5})


def reduce_elements(v, r):
    """PyTorch's reduction of an element-wise loss (mean over n * k)."""
    if r == "mean":
        return v.mean()
    if r == "sum":
        return v.sum()
    return v


def reduce_examples(v, r):
    """Reduction of a per-example loss (mean over n)."""
    return reduce_elements(v, r)


# ---------------------------------------------------------------------------------------------
# losses on a softmax or exponential of the scores


def softmax_exp_cases():
    def softmax_mse(t):
        def f(s, r):
            p = torch.softmax(s, dim=1)
            return reduce_elements((t - p) ** 2, r)
        return f

    def exp_mse(t):
        def f(s, r):
            return reduce_elements((t - torch.exp(s)) ** 2, r)
        return f

    def poisson(t):
        return lambda s, r: F.poisson_nll_loss(s, t, log_input=True, full=False, reduction=r)

    def kl(t, log_target=False):
        def f(s, r):
            v = F.kl_div(F.log_softmax(s, dim=1), t, reduction="none",
                         log_target=log_target).sum(dim=1)
            return reduce_examples(v, r)  # losslab's mean is PyTorch's 'batchmean'
        return f

    for n, k in ((4, 3), (3, 5)):
        s = randn(n, k)
        y = randint(n, k)
        emit("softmax-mse", softmax_mse(onehot(y, k)), s, target=onehot(y, k))
        p = distributions(n, k)
        emit("softmax-mse", softmax_mse(p), s, target=p)
        se = randn(n, k, scale=1.0)
        te = rand(n, k) * 3
        emit("exp-mse", exp_mse(te), se, target=te)
        tp = torch.round(rand(n, k) * 6)
        tp[0, 0] = 2.5
        emit("poisson", poisson(tp), se, target=tp)
        pz = distributions(n, k, zeros=True)
        emit("kl-divergence", kl(pz), s, target=pz)
        emit("kl-divergence", kl(pz), s, target=pz, options={"logTarget": False})
        lp = torch.log(p)
        emit("kl-divergence", kl(lp, True), s, target=lp, options={"logTarget": True})
    for big in (40.0, 800.0):
        s = stress_rows(5, big)
        y = torch.tensor([0, 4, 2, 1])
        emit("softmax-mse", softmax_mse(onehot(y, 5)), s, target=onehot(y, 5))
        pz = distributions(4, 5, zeros=True)
        emit("kl-divergence", kl(pz), s, target=pz)
    # exp-mse and poisson overflow at +800 (the true value is not representable); +-40 is fine
    s = stress_rows(4, 40.0)
    te = rand(4, 4) * 3
    emit("exp-mse", exp_mse(te), s, target=te)
    emit("poisson", poisson(torch.round(te)), s, target=torch.round(te))


# ---------------------------------------------------------------------------------------------
# margin losses and focal


def margin_focal_cases():
    def hinge(y, p, margin=None, w=None):
        m = 1.0 if margin is None else margin
        return lambda s, r: F.multi_margin_loss(s, y, p=p, margin=m, weight=w, reduction=r)

    def focal(y, gamma, alpha):
        def f(s, r):
            lp = F.log_softmax(s, dim=1)
            lpy = lp.gather(1, y.view(-1, 1)).squeeze(1)
            # log(1 - p_y) = logsumexp over the other classes - logsumexp over all: exact in the tail
            others = s.masked_fill(F.one_hot(y, s.shape[1]).bool(), float("-inf"))
            log1mp = torch.logsumexp(others, dim=1) - torch.logsumexp(s, dim=1)
            v = -alpha * torch.exp(gamma * log1mp) * lpy
            return reduce_examples(v, r)
        return f

    for n, k in ((4, 3), (3, 5)):
        s = randn(n, k)
        y = randint(n, k)
        w = rand(1, k).flatten() + 0.1
        for name, p in (("hinge", 1), ("squared-hinge", 2)):
            emit(name, hinge(y, p), s, labels=y)
            emit(name, hinge(y, p, 0.5), s, labels=y, options={"margin": 0.5})
            emit(name, hinge(y, p, 2.0, w), s, labels=y, options={"margin": 2.0, "weight": tolist(w)})
        for gamma, alpha in ((0.0, 1.0), (0.5, 1.0), (1.0, 0.25), (2.0, 1.0), (2.0, 0.25), (5.0, 0.5)):
            emit("focal", focal(y, gamma, alpha), s, labels=y,
                 options={"gamma": gamma, "alpha": alpha})
    for big in (40.0, 800.0):
        s = stress_rows(5, big)
        y = torch.tensor([0, 4, 2, 1])
        for name, p in (("hinge", 1), ("squared-hinge", 2)):
            emit(name, hinge(y, p), s, labels=y)
        y2 = torch.tensor([1, 0, 4, 3])
        for gamma in (0.5, 2.0):
            emit("focal", focal(y, gamma, 1.0), s, labels=y, options={"gamma": gamma, "alpha": 1.0})
            emit("focal", focal(y2, gamma, 1.0), s, labels=y2, options={"gamma": gamma, "alpha": 1.0})


# ---------------------------------------------------------------------------------------------
# robust and margin losses (poly1, gce, sce, nce-rce, nce-mae, taylor-ce, sparsemax, sigmoid-focal,
# rescaled-mse, cosine)

RCE_LOG_ZERO = math.log(1e-4)  # the clamp of log 0 in the reverse cross-entropy


def others(s, y):
    """1 - p_y as the sum of the other probabilities (no cancellation for a confident example)."""
    return (torch.softmax(s, dim=1) * (1 - onehot(y, s.shape[1]))).sum(dim=1)


def reverse_ce(s, y):
    """Wang et al.'s RCE: -sum_k p_k log(clamp(onehot, 1e-4, 1))."""
    clamped = torch.clamp(onehot(y, s.shape[1]), min=1e-4, max=1.0)
    return -(torch.softmax(s, dim=1) * torch.log(clamped)).sum(dim=1)


def robust_cases():
    def poly1(t, eps, labels=None):
        def f(s, r):
            # optax poly_loss_cross_entropy: CE + eps * sum_k t_k (1 - p_k)
            target = onehot(labels, s.shape[1]) if labels is not None else t
            ce = -(target * F.log_softmax(s, dim=1)).sum(dim=1)
            return reduce_examples(ce + eps * (target * (1 - torch.softmax(s, dim=1))).sum(dim=1), r)
        return f

    def gce(y, q):
        def f(s, r):
            lpy = F.log_softmax(s, dim=1).gather(1, y.view(-1, 1)).squeeze(1)
            return reduce_examples(-torch.expm1(q * lpy) / q, r)  # (1 - p_y^q) / q
        return f

    def sce(y, alpha, beta):
        return lambda s, r: reduce_examples(
            alpha * F.cross_entropy(s, y, reduction="none") + beta * reverse_ce(s, y), r)

    def nce(y, alpha, beta, passive):
        def f(s, r):
            lp = F.log_softmax(s, dim=1)
            v = -(onehot(y, s.shape[1]) * lp).sum(dim=1) / -lp.sum(dim=1)
            if passive == "rce":
                p = reverse_ce(s, y)
            else:  # the paper's code: 1 - sum_k onehot_k p_k
                p = 1 - (onehot(y, s.shape[1]) * torch.softmax(s, dim=1)).sum(dim=1)
            return reduce_examples(alpha * v + beta * p, r)
        return f

    def taylor(y, order):
        def f(s, r):
            q = others(s, y)
            return reduce_examples(sum(q ** i / i for i in range(1, order + 1)), r)
        return f

    def sparsemax(y):
        def f(s, r):
            # shift-invariant: the shift needs no gradient, and keeps the terms near 1 at scores 1e4
            z = s - s.max(dim=1, keepdim=True).values.detach()
            zs = torch.sort(z, dim=1, descending=True).values
            cum = torch.cumsum(zs, dim=1)
            ks = torch.arange(1, s.shape[1] + 1, dtype=s.dtype)
            support = (1 + ks * zs > cum).sum(dim=1, keepdim=True)
            tau = (cum.gather(1, support - 1) - 1) / support
            p = torch.clamp(z - tau, min=0)
            zy = z.gather(1, y.view(-1, 1)).squeeze(1)
            v = (p * z).sum(dim=1) + 0.5 * (p * (1 - p)).sum(dim=1) - zy
            return reduce_examples(v, r)
        return f

    def sigmoid_focal(t, gamma, alpha, stable=False):
        def f(s, r):
            ce = F.binary_cross_entropy_with_logits(s, t, reduction="none")
            if stable:
                # 1 - p_t from log-sigmoids: torchvision's (1 - p_t) ** gamma has a NaN gradient where
                # the sigmoid saturates to 0 or 1 and gamma < 1
                log_w = torch.logaddexp(torch.log(t) + F.logsigmoid(-s),
                                        torch.log1p(-t) + F.logsigmoid(s))
                loss = ce * torch.exp(gamma * log_w)
            else:  # torchvision's sigmoid_focal_loss, as written
                p = torch.sigmoid(s)
                p_t = p * t + (1 - p) * (1 - t)
                loss = ce * ((1 - p_t) ** gamma)
            if alpha >= 0:
                loss = (alpha * t + (1 - alpha) * (1 - t)) * loss
            return reduce_elements(loss, r)
        return f

    def rescaled(y, k, m):
        def f(s, r):
            e = onehot(y, s.shape[1])
            return reduce_elements((1 + (k - 1) * e) * (s - m * e) ** 2, r)
        return f

    def cosine(t):
        def f(s, r):
            # optax cosine_distance: 1 - <s, t> / (|s| |t|)
            c = (s * t).sum(dim=1) / (torch.linalg.norm(s, dim=1) * torch.linalg.norm(t, dim=1))
            return reduce_examples(1 - c, r)
        return f

    for n, k in ((4, 3), (3, 5)):
        s = randn(n, k)
        y = randint(n, k)
        p = distributions(n, k, zeros=True)
        for eps in (2.0, -1.0, 0.5):
            emit("poly1", poly1(None, eps, y), s, labels=y, options={"epsilon": eps})
            emit("poly1", poly1(p, eps), s, target=p, options={"epsilon": eps})
        for q in (0.7, 0.05, 1.0):
            emit("gce", gce(y, q), s, labels=y, options={"q": q})
        for alpha, beta in ((0.1, 1.0), (1.0, 0.5), (0.0, 2.0)):
            emit("sce", sce(y, alpha, beta), s, labels=y, options={"alpha": alpha, "beta": beta})
        for alpha, beta in ((1.0, 1.0), (0.5, 2.0), (2.0, 0.0)):
            for passive in ("rce", "mae"):
                emit("nce-" + passive, nce(y, alpha, beta, passive), s, labels=y,
                     options={"alpha": alpha, "beta": beta})
        for order in (1, 2, 6):
            emit("taylor-ce", taylor(y, order), s, labels=y, options={"order": order})
        emit("sparsemax", sparsemax(y), s, labels=y)
        emit("sparsemax", sparsemax(y), s * 0.2, labels=y, note="scores within the support width")
        tu = rand(n, k)
        t01 = (rand(n, k) < 0.5).to(torch.float64)
        for gamma, alpha in ((2.0, 0.25), (0.0, -1.0), (0.5, 0.75), (3.0, -1.0)):
            for t in (tu, t01):
                emit("sigmoid-focal", sigmoid_focal(t, gamma, alpha), s, target=t,
                     options={"gamma": gamma, "alpha": alpha})
        for kk, m in ((1.0, 1.0), (15.0, 30.0), (0.5, 2.0)):
            emit("rescaled-mse", rescaled(y, kk, m), s, labels=y, options={"k": kk, "M": m})
        tr = randn(n, k, scale=1.5)
        emit("cosine", cosine(tr), s, target=tr)
        emit("cosine", cosine(p), s, target=p)
    # stress: saturated scores and ties
    for big in (40.0, 800.0):
        s = stress_rows(5, big)
        y = torch.tensor([1, 0, 4, 2])
        p = distributions(4, 5, zeros=True)
        emit("poly1", poly1(None, 2.0, y), s, labels=y, options={"epsilon": 2.0})
        emit("poly1", poly1(p, -1.0), s, target=p, options={"epsilon": -1.0})
        emit("gce", gce(y, 0.7), s, labels=y, options={"q": 0.7})
        emit("sce", sce(y, 0.1, 1.0), s, labels=y, options={"alpha": 0.1, "beta": 1.0})
        emit("nce-rce", nce(y, 1.0, 1.0, "rce"), s, labels=y, options={"alpha": 1.0, "beta": 1.0})
        emit("nce-mae", nce(y, 1.0, 1.0, "mae"), s, labels=y, options={"alpha": 1.0, "beta": 1.0})
        emit("taylor-ce", taylor(y, 2), s, labels=y, options={"order": 2})
        emit("sparsemax", sparsemax(y), s, labels=y)
        t = torch.tensor([[1.0, 0, 0, 1, 0], [0, 1, 1, 0, 1], [0.5, 0.25, 1, 0, 0.75],
                          [1, 0, 0.3, 1, 0]])
        for gamma, alpha in ((2.0, 0.25), (0.5, -1.0)):
            emit("sigmoid-focal", sigmoid_focal(t, gamma, alpha, stable=True), s, target=t,
                 options={"gamma": gamma, "alpha": alpha},
                 note="1 - p_t from log-sigmoids (same value as torchvision's formula)")
        emit("rescaled-mse", rescaled(y, 15.0, 30.0), s, labels=y, options={"k": 15.0, "M": 30.0})
        tr = randn(4, 5, scale=1.5)
        emit("cosine", cosine(tr), s, target=tr)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "losslab-core/src/test/resources/dev/losslab/loss/torch-reference.jsonl")
    cross_entropy_cases()
    nll_cases()
    bce_cases()
    regression_cases()
    softmax_exp_cases()
    margin_focal_cases()
    robust_cases()
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        for case in CASES:
            f.write(json.dumps(case, separators=(",", ":")) + "\n")
    os.replace(tmp, out)
    print(f"torch {torch.__version__}: wrote {len(CASES)} cases to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
