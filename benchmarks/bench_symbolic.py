"""How fast is the symbolic route, and how does it grow? (lesson 05)

    python benchmarks/bench_symbolic.py
    python benchmarks/bench_symbolic.py --repeats 5 --deepest 5

Two measurements:
    network_gradients   exact gradients of the article's 3-4-4-1 sigmoid network with MSE (batch of 32)
                        from a cold start (SymPy's caches cleared), against the promise of under 2 s,
                        and their agreement with backpropagation
    expression swell    for width-2 networks of growing depth: sp.count_ops of one example's loss and of
                        its whole gradient, the gradient's size after common subexpressions are shared,
                        the operations of backpropagation written out (backpropagation_steps),
                        the time SymPy takes to differentiate, and one backpropagation pass

Timings are wall-clock (time.perf_counter) and processor time (time.process_time); on a shared machine
the processor time is the steadier of the two.
"""

import argparse
import statistics
import time

import numpy as np
import sympy as sp

import annlib
from annlib import symbolic
from annlib.gradcheck import relative_error
from annlib.losses import MSE

PROMISE_SECONDS = 2.0


def cold_network_gradients(network, X, Y):
    """One call of network_gradients with every cache emptied first: (wall s, processor s, result)."""
    symbolic.gradients._sample_gradient_function.cache_clear()
    sp.core.cache.clear_cache()
    wall, cpu = time.perf_counter(), time.process_time()
    pairs = symbolic.network_gradients(network, X, Y, MSE())
    return time.perf_counter() - wall, time.process_time() - cpu, pairs


def bench_network_gradients(repeats):
    rng = np.random.default_rng(0)
    network = annlib.Network.from_sizes([3, 4, 4, 1], "sigmoid", rng=0)
    X, Y = rng.normal(size=(32, 3)), rng.uniform(size=(32, 1))
    runs = [cold_network_gradients(network, X, Y) for _ in range(repeats)]
    loss = MSE()
    network.backward(loss.gradient(network.forward(X), Y))
    error = max(
        relative_error(grad, reference)
        for (grad_W, grad_b), layer in zip(runs[-1][2], network.layers)
        for grad, reference in ((grad_W, layer.grad_W), (grad_b, layer.grad_b))
    )
    walls = [wall for wall, _, _ in runs]
    cpus = [cpu for _, cpu, _ in runs]
    median = statistics.median(walls)
    print("network_gradients, 3-4-4-1 sigmoid, MSE, 32 examples, cold start")
    print("  wall seconds:      " + "  ".join(f"{t:.2f}" for t in walls) + f"   (median {median:.2f})")
    print("  processor seconds: " + "  ".join(f"{t:.2f}" for t in cpus))
    verdict = "kept" if median < PROMISE_SECONDS else "BROKEN"
    busy = (
        " (the processor time is under it: other programs were running)"
        if (median >= PROMISE_SECONDS and statistics.median(cpus) < PROMISE_SECONDS)
        else ""
    )
    print(f"  promise of under {PROMISE_SECONDS:.0f} s wall-clock: {verdict}{busy}")
    print(f"  largest relative error against backprop: {error:.1e} (promise: below 1e-10)")


def bench_swell(deepest):
    print("\nexpression swell, width 2, one example's MSE")
    header = f"{'sizes':<22}{'weights':>8}{'loss':>8}{'gradient':>10}{'shared':>8}{'backprop':>10}"
    print(header + f"{'SymPy s':>10}{'backprop µs':>13}")
    for depth in range(1, deepest + 1):
        m = symbolic.measure_expression_swell([2] + [2] * depth + [1])
        print(
            f"{str(list(m.sizes)):<22}{m.n_parameters:>8}{m.loss_size:>8}{m.gradient_size:>10}"
            f"{m.shared_size:>8}{m.backprop_size:>10}{m.seconds_symbolic:>10.3f}{m.seconds_backprop * 1e6:>13.1f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="cold calls of network_gradients")
    parser.add_argument("--deepest", type=int, default=4, help="most hidden layers in the swell table")
    args = parser.parse_args()
    bench_network_gradients(args.repeats)
    bench_swell(args.deepest)


if __name__ == "__main__":
    main()
