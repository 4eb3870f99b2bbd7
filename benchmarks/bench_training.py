"""How fast is a training step through annlib's public path, against the same step in bare numpy?

    python benchmarks/bench_training.py            (or: make benchmark)

A training step is: take a batch, forward pass, loss, backward pass, update every weight with SGD. The
annlib column runs the public `annlib.training.train_step` (forward, loss, backward, update: the four
steps lesson 07 teaches) as a learner's own loop calls it, with its input checks on, as they always are
(`fit` runs the same function). Three cases:
    teaching   2-16-16-1 (tanh, tanh, sigmoid), binary cross-entropy, 100 points, full batch
    digits/32  64-128-64-10 (relu, relu, softmax), cross-entropy, 1,797 samples, batches of 32
    digits/256 the same with batches of 256

"bare numpy" is the same step written inline with no library: the floor annlib is measured against.
"torch" is PyTorch on the CPU with the same network, when PyTorch is installed.

How it is measured: one BLAS thread (set before numpy loads), so the machine's other work and thread
start-up do not decide the result; every round builds fresh models from the same starting weights and
runs the same batches through each, in turn; the cost of a case is the median over rounds of the
per-step time, and the ratio is the median of the per-round ratios (paired rounds, so a change in the
machine's load touches both runs of a round alike).
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"  # before numpy is imported: BLAS reads these once, at load

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from annlib import Dense, Network  # noqa: E402
from annlib.datasets import Standardizer, load_digits, one_hot, xor  # noqa: E402
from annlib.losses import BinaryCrossEntropy, CrossEntropy  # noqa: E402
from annlib.optimizers import SGD  # noqa: E402
from annlib.training import train_step  # noqa: E402

LEARNING_RATE = 0.05


def make_cases():
    X_xor, y_xor = xor(100, noise=0.2, rng=0)
    digits = load_digits()
    X_digits = Standardizer().fit_transform(digits.X)
    Y_digits = one_hot(digits.y)
    teaching = dict(
        name="teaching 2-16-16-1, n=100, full batch",
        sizes=[2, 16, 16, 1],
        activations=["tanh", "tanh", "sigmoid"],
        X=X_xor,
        Y=y_xor[:, None].astype(float),
        batch_size=100,
        epochs=100,
        loss="bce",
    )
    digits_cases = [
        dict(
            name=f"digits 64-128-64-10, n=1797, batch {b}",
            sizes=[64, 128, 64, 10],
            activations=["relu", "relu", "softmax"],
            X=X_digits,
            Y=Y_digits,
            batch_size=b,
            epochs=epochs,
            loss="ce",
        )
        for b, epochs in ((32, 1), (256, 4))
    ]
    return [teaching, *digits_cases]


def make_batches(case):
    """The batches of every epoch, drawn once, so that every run sees exactly the same ones."""
    X, Y, size = case["X"], case["Y"], case["batch_size"]
    rng = np.random.default_rng(0)
    batches = []
    for _ in range(case["epochs"]):
        order = rng.permutation(len(X)) if size < len(X) else np.arange(len(X))
        batches += [(X[order[s : s + size]], Y[order[s : s + size]]) for s in range(0, len(X), size)]
    return batches


def starting_weights(case):
    rng = np.random.default_rng(0)
    sizes = case["sizes"]
    network = Network(
        [Dense(n_in, n_out, act, rng=rng) for n_in, n_out, act in zip(sizes, sizes[1:], case["activations"])]
    )
    return network.get_weights()


def run_annlib(case, weights, batches):
    sizes = case["sizes"]
    network = Network(
        [Dense(n_in, n_out, act, rng=0) for n_in, n_out, act in zip(sizes, sizes[1:], case["activations"])]
    )
    network.set_weights(weights)
    loss = BinaryCrossEntropy() if case["loss"] == "bce" else CrossEntropy()
    optimizer = SGD(LEARNING_RATE)
    start = time.perf_counter()
    for xb, yb in batches:
        train_step(network, xb, yb, loss, optimizer)
    return time.perf_counter() - start


def run_numpy(case, weights, batches):
    """The floor: the same forward, loss, backward and update, written inline."""
    acts = case["activations"]
    Ws, bs = [w.copy() for w in weights[0::2]], [b.copy() for b in weights[1::2]]
    start = time.perf_counter()
    for xb, yb in batches:
        inputs, outputs = [], []
        a = xb
        for W, b, act in zip(Ws, bs, acts):
            inputs.append(a)
            z = a @ W + b
            if act == "tanh":
                a = np.tanh(z)
            elif act == "relu":
                a = np.maximum(z, 0.0)
            elif act == "sigmoid":
                e = np.exp(-np.abs(z))
                a = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
            else:
                e = np.exp(z - z.max(axis=1, keepdims=True))
                a = e / e.sum(axis=1, keepdims=True)
            outputs.append(a)
        p = np.clip(a, 1e-12, 1 - 1e-12)
        if case["loss"] == "bce":
            _ = -np.mean(yb * np.log(p) + (1 - yb) * np.log(1 - p))
            delta = (a - yb) / yb.size
        else:
            _ = -np.sum(yb * np.log(p)) / len(yb)
            delta = (a - yb) / len(yb)
        for i in range(len(Ws) - 1, -1, -1):
            grad_W = inputs[i].T @ delta
            grad_b = delta.sum(axis=0)
            if i > 0:
                delta = delta @ Ws[i].T
                if acts[i - 1] == "tanh":
                    delta = delta * (1 - outputs[i - 1] ** 2)
                else:
                    delta = delta * (outputs[i - 1] > 0)
            Ws[i] -= LEARNING_RATE * grad_W
            bs[i] -= LEARNING_RATE * grad_b
    return time.perf_counter() - start


def run_torch(case, weights, batches, torch):
    torch.set_num_threads(1)
    layers = []
    for i, act in enumerate(case["activations"]):
        lin = torch.nn.Linear(case["sizes"][i], case["sizes"][i + 1]).double()
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(weights[2 * i].T.copy()))
            lin.bias.copy_(torch.from_numpy(weights[2 * i + 1]))
        layers.append(lin)
        if act == "tanh":
            layers.append(torch.nn.Tanh())
        elif act == "relu":
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    loss_fn = torch.nn.BCEWithLogitsLoss() if case["loss"] == "bce" else torch.nn.CrossEntropyLoss()
    tensors = [
        (torch.from_numpy(xb), torch.from_numpy(yb if case["loss"] == "bce" else yb.argmax(axis=1)))
        for xb, yb in batches
    ]
    start = time.perf_counter()
    for xb, target in tensors:
        optimizer.zero_grad()
        loss_fn(model(xb), target).backward()
        optimizer.step()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="paired rounds per case (the median is kept)")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        torch = None

    print(
        f"numpy {np.__version__}, one BLAS thread, median of {args.rounds} paired rounds, fresh models each round"
        + (f"; torch {torch.__version__} (CPU)" if torch else "; torch not installed")
    )
    header = f"{'case':<40} {'steps':>6} {'bare numpy':>12} {'annlib':>12} {'ratio':>7}"
    if torch:
        header += f" {'torch':>12} {'torch/annlib':>13}"
    print(header)
    print("-" * len(header))
    worst = 0.0
    for case in make_cases():
        weights, batches = starting_weights(case), make_batches(case)
        n_steps = len(batches)
        times = {"numpy": [], "annlib": [], "torch": []}
        ratios = []
        for round_ in range(args.rounds + 1):
            t_numpy = run_numpy(case, weights, batches)
            t_annlib = run_annlib(case, weights, batches)
            t_torch = run_torch(case, weights, batches, torch) if torch else None
            if round_ == 0:
                continue  # a warm-up round: caches, lazy imports, first allocations
            times["numpy"].append(t_numpy)
            times["annlib"].append(t_annlib)
            if torch:
                times["torch"].append(t_torch)
            ratios.append(t_annlib / t_numpy)
        ratio = statistics.median(ratios)
        worst = max(worst, ratio)
        per_step = {k: 1e6 * statistics.median(v) / n_steps for k, v in times.items() if v}
        line = (
            f"{case['name']:<40} {n_steps:>6} {per_step['numpy']:>9.1f} us {per_step['annlib']:>9.1f} us {ratio:>6.2f}x"
        )
        if torch:
            line += f" {per_step['torch']:>9.1f} us {per_step['torch'] / per_step['annlib']:>12.2f}x"
        print(line)
    print(f"\nannlib / bare numpy, worst case: {worst:.2f}x (target: at most 1.3x)")


if __name__ == "__main__":
    main()
