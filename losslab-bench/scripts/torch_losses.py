#!/usr/bin/python3
"""PyTorch's side of the loss-kernel benchmark (see bench_losses.sh and BENCHMARKS.md).

Times forward + backward (autograd) of the four training losses on an n x k float32 batch with one
thread, the same shapes and targets as LossBenchmark:

  cross-entropy         F.cross_entropy(s, labels)                    (int64 labels)
  binary-cross-entropy  F.binary_cross_entropy_with_logits(s, t)      (random 0/1 float32 targets)
  mse                   F.mse_loss(s, onehot)                         (one-hot float32 targets)
  softmax-mse           F.mse_loss(torch.softmax(s, 1), onehot)

all with reduction 'mean', and four with a common training option (weights of 1.5 for every class),
as LossBenchmark's option parameter: cross-entropy with label_smoothing=0.1 and with weight,
binary-cross-entropy with weight and with pos_weight. One repetition = forward, backward, and dropping s.grad; the script reports
the median (and min) of --reps repetitions after --warmup ones, timed with time.perf_counter (wall)
and time.thread_time (the thread's CPU time, which time slices lost to other processes on a shared
machine do not inflate).

Usage: /usr/bin/python3 torch_losses.py [--n 4096] [--k 1000] [--reps 30] [--warmup 5] [--json FILE]
"""

import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn.functional as F


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=4096)
    ap.add_argument("--k", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--json", help="write the results here as JSON")
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(42)
    n, k = args.n, args.k
    scores = (torch.randn(n, k) * 2).float().requires_grad_(True)
    labels = torch.randint(0, k, (n,))
    binary = (torch.rand(n, k) < 0.5).float()
    onehot = F.one_hot(labels, k).float()
    class_weights = torch.full((k,), 1.5)

    losses = {
        "cross-entropy": lambda s: F.cross_entropy(s, labels),
        "binary-cross-entropy": lambda s: F.binary_cross_entropy_with_logits(s, binary),
        "mse": lambda s: F.mse_loss(s, onehot),
        # common training options (bench_losses.sh with OPTIONS=1); weights of 1.5 for every class
        "cross-entropy labelSmoothing=0.1": lambda s: F.cross_entropy(s, labels, label_smoothing=0.1),
        "cross-entropy weight=1.5": lambda s: F.cross_entropy(s, labels, weight=class_weights),
        "binary-cross-entropy weight=1.5": lambda s: F.binary_cross_entropy_with_logits(
            s, binary, weight=class_weights),
        "binary-cross-entropy posWeight=1.5": lambda s: F.binary_cross_entropy_with_logits(
            s, binary, pos_weight=class_weights),
        "softmax-mse": lambda s: F.mse_loss(torch.softmax(s, dim=1), onehot),
    }
    results = {"torch": torch.__version__, "threads": torch.get_num_threads(), "n": n, "k": k,
               "reps": args.reps, "losses": {}}
    for name, fn in losses.items():
        times = []
        cpu_times = []
        for rep in range(args.warmup + args.reps):
            start = time.perf_counter()
            cpu_start = time.thread_time()
            value = fn(scores)
            value.backward()
            scores.grad = None
            cpu = time.thread_time() - cpu_start
            elapsed = time.perf_counter() - start
            if rep >= args.warmup:
                times.append(elapsed)
                cpu_times.append(cpu)
        median = statistics.median(times)
        cpu_median = statistics.median(cpu_times)
        results["losses"][name] = {
            "median_ms": median * 1e3,
            "min_ms": min(times) * 1e3,
            "ns_per_element": median * 1e9 / (n * k),
            "cpu_median_ms": cpu_median * 1e3,
            "cpu_ns_per_element": cpu_median * 1e9 / (n * k),
        }
        print(f"{name:22s} wall median {median * 1e3:8.3f} ms (min {min(times) * 1e3:8.3f})  "
              f"cpu median {cpu_median * 1e3:8.3f} ms  "
              f"{median * 1e9 / (n * k):6.3f} ns/element wall, "
              f"{cpu_median * 1e9 / (n * k):6.3f} cpu", file=sys.stderr)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
