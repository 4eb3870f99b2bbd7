"""How fast is a training step through annlib, against the same step in bare numpy (and PyTorch)?

    python benchmarks/bench_training.py            (or: make benchmark)

A training step is: take a batch, forward pass, loss, backward pass, update every weight with SGD.
Three cases:
    teaching   2-16-16-1 (tanh, tanh, sigmoid), binary cross-entropy, 100 points, full batch
    digits/32  64-128-64-10 (relu, relu, softmax), cross-entropy, 1,797 samples, batches of 32
    digits/256 the same with batches of 256

"bare numpy" is the same step written inline with no library: the floor annlib is measured against.
"torch" is PyTorch on the CPU with the same network, when PyTorch is installed.
Each cost is the best of several repeats of whole epochs (the runs take turns), divided by the number
of steps.
"""

import argparse
import time

import numpy as np

import annlib
from annlib import Dense, Network
from annlib.datasets import Standardizer, load_digits, one_hot, xor
from annlib.losses import BinaryCrossEntropy, CrossEntropy
from annlib.optimizers import SGD

LEARNING_RATE = 0.05


def make_cases():
    X_xor, y_xor = xor(100, noise=0.2, rng=0)
    digits = load_digits()
    X_digits = Standardizer().fit_transform(digits.X)
    Y_digits = one_hot(digits.y)
    teaching = dict(
        name="teaching 2-16-16-1, n=100, full batch",
        sizes=[2, 16, 16, 1], activations=["tanh", "tanh", "sigmoid"],
        X=X_xor, Y=y_xor[:, None].astype(float), batch_size=100, epochs=400, loss="bce",
    )
    digits_cases = [
        dict(
            name=f"digits 64-128-64-10, n=1797, batch {b}",
            sizes=[64, 128, 64, 10], activations=["relu", "relu", "softmax"],
            X=X_digits, Y=Y_digits, batch_size=b, epochs=epochs, loss="ce",
        )
        for b, epochs in ((32, 4), (256, 12))
    ]
    return [teaching, *digits_cases]


def build_annlib(case):
    rng = np.random.default_rng(0)
    return Network([
        Dense(n_in, n_out, act, rng=rng)
        for n_in, n_out, act in zip(case["sizes"], case["sizes"][1:], case["activations"])
    ])


def run_annlib(case, network):
    loss = BinaryCrossEntropy() if case["loss"] == "bce" else CrossEntropy()
    annlib.fit(network, case["X"], case["Y"], loss, SGD(LEARNING_RATE), epochs=case["epochs"],
               batch_size=case["batch_size"], rng=0, progress=False)


def run_numpy(case, weights):
    """The floor: the same epochs, batches, forward, loss, backward and update, written inline."""
    X, Y, bs = case["X"], case["Y"], case["batch_size"]
    acts = case["activations"]
    Ws, bs_ = weights[0::2], weights[1::2]
    rng = np.random.default_rng(0)
    n = len(X)
    for _ in range(case["epochs"]):
        order = rng.permutation(n) if bs < n else None
        for start in range(0, n, bs):
            if order is None:
                xb, yb = X, Y
            else:
                idx = order[start:start + bs]
                xb, yb = X[idx], Y[idx]
            inputs, outputs = [], []
            a = xb
            for W, b, act in zip(Ws, bs_, acts):
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
                bs_[i] -= LEARNING_RATE * grad_b


def run_torch(case, torch, weights):
    torch.set_num_threads(2)
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
    X = torch.from_numpy(case["X"])
    Y = torch.from_numpy(case["Y"])
    labels = Y.argmax(dim=1)
    loss_fn = torch.nn.BCEWithLogitsLoss() if case["loss"] == "bce" else torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(0)
    n, bs = len(X), case["batch_size"]
    for _ in range(case["epochs"]):
        order = torch.randperm(n, generator=generator) if bs < n else None
        for start in range(0, n, bs):
            idx = None if order is None else order[start:start + bs]
            xb = X if idx is None else X[idx]
            target = (Y if idx is None else Y[idx]) if case["loss"] == "bce" else (labels if idx is None else labels[idx])
            optimizer.zero_grad()
            loss = loss_fn(model(xb), target)
            loss.backward()
            optimizer.step()


def best_times(runs, repeats):
    """The best time of each run over `repeats` rounds; rounds interleave the runs, so a change in the
    machine's load touches all of them alike."""
    best = [float("inf")] * len(runs)
    for _ in range(repeats):
        for i, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--repeats", type=int, default=7, help="repeats per measurement (best is kept)")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        torch = None

    print(f"numpy {np.__version__}" + (f", torch {torch.__version__} (CPU)" if torch else ", torch not installed"))
    header = f"{'case':<40} {'steps':>6} {'bare numpy':>12} {'annlib':>12} {'ratio':>7}"
    if torch:
        header += f" {'torch':>12} {'torch/annlib':>13}"
    print(header)
    print("-" * len(header))
    worst = 0.0
    for case in make_cases():
        n_steps = case["epochs"] * -(-len(case["X"]) // case["batch_size"])
        template = build_annlib(case).get_weights()

        network = build_annlib(case)

        def annlib_run():
            network.set_weights(template)  # the same starting weights as the floor, copied likewise
            run_annlib(case, network)

        runs = [lambda: run_numpy(case, [w.copy() for w in template]), annlib_run]
        if torch:
            runs.append(lambda: run_torch(case, torch, [w.copy() for w in template]))
        t_numpy, t_annlib, *t_torch = best_times(runs, args.repeats)
        ratio = t_annlib / t_numpy
        worst = max(worst, ratio)
        line = (f"{case['name']:<40} {n_steps:>6} {1e6 * t_numpy / n_steps:>9.1f} us "
                f"{1e6 * t_annlib / n_steps:>9.1f} us {ratio:>6.2f}x")
        if torch:
            line += f" {1e6 * t_torch[0] / n_steps:>9.1f} us {t_torch[0] / t_annlib:>12.2f}x"
        print(line)
    print(f"\nannlib / bare numpy, worst case: {worst:.2f}x (target: at most 1.5x)")


if __name__ == "__main__":
    main()
