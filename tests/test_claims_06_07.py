"""What lessons 06 and 07 say about their outputs, recomputed.

Every number or comparison the prose of the two lessons states about an output has a test here, so the
words and the output cannot drift apart. Where a sentence speaks of a behaviour (gradients shrink, a rate
only helps, a start breaks symmetry), the experiment runs for several starting points, not only the one
the lesson shows. `History.loss` is the cost over the whole training set after each epoch.
"""

import math

import numpy as np
import pytest

import annlib
from annlib.activations import sigmoid_derivative
from annlib.datasets import moons, regression_1d
from annlib.gradcheck import numerical_gradient, relative_error
from annlib.losses import MSE, BinaryCrossEntropy, CrossEntropy
from annlib.optimizers import SGD
from annlib.training import train_step
from annlib.widgets import Playground, Stepper

SEEDS = range(5)
X_ONE = np.array([[1.0, 0.5, -1.5]])
Y_ONE = np.array([[1.0]])


# ---------------------------------------------------------------------------------------------------------
# Lesson 06: backpropagation


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson06_chain_rule_by_hand_agrees_with_backward(seed):
    neuron = annlib.Dense(3, 1, "sigmoid", rng=seed)
    a = neuron.forward(X_ONE)
    by_hand = 2 * (a - Y_ONE) * sigmoid_derivative(neuron.z) * X_ONE.T
    neuron.backward(MSE().gradient(a, Y_ONE))
    assert np.allclose(by_hand, neuron.grad_W)


def test_lesson06_neuron_graph_numbers():
    # The text alternative of the one-neuron graph: dC/da = -1.31, dC/dz = -0.296, dC/dw = [-0.296, -0.148, 0.444].
    neuron = annlib.Dense(3, 1, "sigmoid", rng=0)
    a = neuron.forward(X_ONE)[0, 0]
    grad_a = 2 * (a - 1.0)
    grad_z = grad_a * a * (1 - a)
    assert round(grad_a, 2) == -1.31 and round(grad_z, 3) == -0.296
    assert np.allclose(np.round(grad_z * X_ONE[0], 3), [-0.296, -0.148, 0.444])


def _net_backward(seed):
    net = annlib.Network.from_sizes([3, 4, 4, 1], "sigmoid", rng=seed)
    net.backward(MSE().gradient(net.forward(X_ONE), Y_ONE))
    return net


@pytest.mark.parametrize("seed", range(6))
def test_lesson06_gradients_shrink_layer_by_layer_on_the_way_back(seed):
    # "the first layer's gradients are far smaller than the last layer's (the mean sizes printed above)"
    sizes = [np.abs(layer.grad_W).mean() for layer in _net_backward(seed).layers]
    assert sizes[0] < sizes[1] < sizes[2]
    assert sizes[2] > 5 * sizes[0]


def test_lesson06_w2a1_is_larger_than_one_in_size():
    # "this network's w2a1 is -1.16": a weight that amplifies the error signal going back
    net = annlib.Network.from_sizes([3, 4, 4, 1], "sigmoid", rng=0)
    assert round(net.layers[1].W[0, 0], 2) == -1.16


def test_lesson06_diagram_gradients():
    # Its text alternative: output connections' dC/dw from -0.17 to -0.09; the first layer's 0.017 and less.
    net = _net_backward(0)
    output = net.layers[2].grad_W.ravel()
    assert round(output.min(), 2) == -0.17 and round(output.max(), 2) == -0.09
    assert round(np.abs(net.layers[0].grad_W).max(), 3) == 0.017


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson06_delta_by_hand_equals_network_backward(seed):
    net = annlib.Network.from_sizes([3, 4, 4, 1], "sigmoid", rng=seed)
    y_pred = net.forward(X_ONE)
    first, second, out = net.layers
    delta_out = 2 * (y_pred - Y_ONE) * sigmoid_derivative(out.z)
    delta_2 = (delta_out @ out.W.T) * sigmoid_derivative(second.z)
    delta_1 = (delta_2 @ second.W.T) * sigmoid_derivative(first.z)
    by_hand = [first.X.T @ delta_1, second.X.T @ delta_2, out.X.T @ delta_out]
    net.backward(MSE().gradient(y_pred, Y_ONE))
    assert all(np.allclose(mine, layer.grad_W) for mine, layer in zip(by_hand, net.layers))


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson06_batch_backward_is_three_matrix_products(seed):
    layer = annlib.Dense(3, 4, "sigmoid", rng=seed)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(5, 3))
    A = layer.forward(X)
    grad_A = rng.normal(size=A.shape)
    grad_X = layer.backward(grad_A)
    delta = grad_A * sigmoid_derivative(layer.z)
    assert np.allclose(X.T @ delta, layer.grad_W)
    assert np.allclose(delta.sum(axis=0), layer.grad_b)
    assert np.allclose(delta @ layer.W.T, grad_X)
    assert np.allclose(sum(X[[i]].T @ delta[[i]] for i in range(5)), layer.grad_W)


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson06_softmax_needs_its_jacobian_and_both_routes_agree(seed):
    classifier = annlib.Network.from_sizes([3, 4, 3], "sigmoid", "softmax", rng=seed)
    X_two = np.array([[1.0, 0.5, -1.5], [0.2, -0.3, 0.8]])
    Y_two = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    P = classifier.forward(X_two)
    grad_P = CrossEntropy().gradient(P, Y_two)
    output = classifier.layers[-1]
    assert not np.allclose(grad_P * P * (1 - P), (P - Y_two) / 2)
    assert np.allclose(output.activation.backward(output.z, P, grad_P), (P - Y_two) / 2)
    classifier.backward(grad_P)
    via_jacobian = [layer.grad_W.copy() for layer in classifier.layers]
    classifier.backward(CrossEntropy().gradient(P, Y_two, at_z=True), at_z=True)
    assert all(np.allclose(g, layer.grad_W) for g, layer in zip(via_jacobian, classifier.layers))


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson06_gradient_check_errors_are_around_1e_9(seed):
    # "a correct backward pass gives relative errors around 1e-9, far below the check's tolerance of 1e-6"
    X, y = annlib.datasets.xor(8, rng=seed)
    net = annlib.Network.from_sizes([2, 4, 4, 1], "tanh", "sigmoid", rng=seed)
    report = annlib.gradient_check(net, X, y.reshape(-1, 1), "binary_cross_entropy")
    assert report.passed
    errors = np.array(list(report.errors.values()))
    assert np.all(errors < 1e-7) and np.median(errors) > 1e-12


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson06_forgotten_sigma_prime_is_caught(seed):
    neuron = annlib.Dense(3, 1, "sigmoid", rng=seed)
    a = neuron.forward(X_ONE)
    right = 2 * (a - Y_ONE) * sigmoid_derivative(neuron.z) * X_ONE.T
    numeric = numerical_gradient(lambda: MSE()(neuron.forward(X_ONE), Y_ONE), neuron.W)
    assert relative_error(right, numeric) < 1e-7
    assert relative_error(2 * (a - Y_ONE) * X_ONE.T, numeric) > 0.1


def test_lesson06_forgotten_sigma_prime_error_printed():
    neuron = annlib.Dense(3, 1, "sigmoid", rng=0)
    a = neuron.forward(X_ONE)
    numeric = numerical_gradient(lambda: MSE()(neuron.forward(X_ONE), Y_ONE), neuron.W)
    assert round(relative_error(2 * (a - Y_ONE) * X_ONE.T, numeric), 2) == 0.63


@pytest.mark.parametrize("eta", [0.1, 1.0, 10.0])
def test_lesson06_update_is_minus_eta_times_the_gradient(eta):
    st = Stepper(learning_rate=eta)
    st.run(1)
    assert np.isclose(st.weight_changes[0][0, 0], -eta * st.weight_gradients[0][0, 0])


@pytest.fixture(scope="module")
def one_example_runs():
    runs = {}
    for seed in SEEDS:
        for eta in (0.1, 1.0, 10.0):
            st = Stepper(learning_rate=eta, rng=seed)
            st.run(25)
            runs[eta, seed] = np.array(st.losses)
    return runs


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson06_on_one_example_a_large_rate_only_helps(one_example_runs, seed):
    # "eta = 0.1 crawls, eta = 1 gets there, eta = 10 almost at once (below 1e-4 after a single update)"
    slow, article, fast = (one_example_runs[eta, seed] for eta in (0.1, 1.0, 10.0))
    for losses in (slow, article, fast):
        assert np.all(np.diff(losses) <= 0)  # never up
    assert fast[-1] < article[-1] < slow[-1]
    assert slow[-1] > 0.05 and article[-1] < 0.01
    assert fast[1] < 1e-4


def test_lesson06_learning_rate_figure_numbers(one_example_runs):
    # Its text alternative: all start at 0.33; 0.1 ends at 0.11, 1 at 0.0067.
    assert all(round(one_example_runs[eta, 0][0], 2) == 0.33 for eta in (0.1, 1.0, 10.0))
    assert round(one_example_runs[0.1, 0][-1], 2) == 0.11
    assert round(one_example_runs[1.0, 0][-1], 4) == 0.0067


def test_lesson06_stepper_loss_of_iteration_1_is_that_of_the_starting_weights():
    st = Stepper()
    start = MSE()(st.network.forward(X_ONE), Y_ONE)
    wa1_before = st.network.layers[0].W[0, 0]
    st.run(1)
    assert st.losses[0] == pytest.approx(start)  # computed before the first update
    assert round(st.losses[0], 4) == 0.3277
    assert round(wa1_before, 3) == 0.067 and round(st.network.layers[0].W[0, 0], 3) == 0.078
    assert round(st.prediction[0, 0], 2) == 0.43
    st.run(29)
    assert round(st.losses[-1], 4) == 0.0053


def test_lesson06_update_moves_output_weights_most():
    st = Stepper()
    st.run(1)
    sizes = [np.abs(change).mean() for change in st.weight_changes]
    assert sizes[-1] == max(sizes)


# ---------------------------------------------------------------------------------------------------------
# Lesson 07: optimizers and training


def _moons(seed):
    return moons(200, noise=0.15, rng=seed)


def _network(seed):
    return annlib.Network.from_sizes([2, 16, 1], "tanh", "sigmoid", rng=seed)


def test_lesson07_moons_has_two_classes_of_100():
    _, y = _moons(0)
    assert np.bincount(y.astype(int)).tolist() == [100, 100]


@pytest.fixture(scope="module")
def batching():
    runs = {}
    for seed in SEEDS:
        X, y = _moons(seed)
        for batch_size in (None, 1, 8):
            history = annlib.fit(
                _network(seed),
                X,
                y,
                "binary_cross_entropy",
                "sgd",
                learning_rate=0.5,
                epochs=25,
                batch_size=batch_size,
                rng=seed,
                progress=False,
            )
            runs[batch_size, seed] = np.array(history.loss)
    return runs


def test_lesson07_batching_as_the_lesson_shows_it(batching):
    gd, sgd, mini = (batching[b, 0] for b in (None, 1, 8))
    assert sgd[-1] < gd[-1] and mini[-1] < gd[-1]  # "SGD and mini-batch SGD are ahead here"
    assert round(gd[-1], 2) == 0.33  # "a plateau near 0.33"
    assert gd[-10] - gd[-1] < 0.02  # flat over the last ten epochs
    # the figure's text alternative
    assert round(gd[0], 2) == 0.56 and round(sgd.min(), 2) == 0.12 and round(sgd.max(), 2) == 0.46
    assert round(mini[0], 2) == 0.33 and round(mini[-1], 2) == 0.20 and np.all(mini[:19] > 0.29)


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson07_mini_batches_beat_gradient_descent_and_sgd_jumps(batching, seed):
    gd, sgd, mini = (batching[b, seed] for b in (None, 1, 8))
    assert mini[-1] < gd[-1]
    assert np.all(np.diff(gd) < 0)  # gradient descent: smooth, down at every epoch
    assert np.max(np.diff(sgd)) > 0.1  # SGD: the cost jumps up from one epoch to the next


def test_lesson07_sgd_can_end_behind_gradient_descent(batching):
    # "from other starting weights it can end behind"
    assert any(batching[1, seed][-1] > batching[None, seed][-1] for seed in SEEDS)


def test_lesson07_sgd_takes_the_most_updates_per_epoch():
    # The lesson times one epoch of each (its timing output is not a claim a test can hold on every machine);
    # what makes SGD the slowest per epoch is its number of updates: one per example.
    X, _ = _moons(0)
    n = len(X)
    assert n > math.ceil(n / 8) > 1


def _batch_losses(seed, batch_size, steps=150):
    X, y = _moons(seed)
    network, optimizer, rng = _network(seed), SGD(0.5), np.random.default_rng(seed)
    losses = []
    for _ in range(steps):
        batch = rng.choice(len(X), size=batch_size, replace=False)
        value, _ = train_step(network, X[batch], y[batch, None].astype(float), BinaryCrossEntropy(), optimizer)
        losses.append(value)
    return np.array(losses)


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson07_smaller_batches_are_noisier(seed):
    jumps = [np.std(np.diff(np.log(_batch_losses(seed, b)))) for b in (1, 8, 200)]
    assert jumps[0] > jumps[1] > jumps[2]


def test_lesson07_noise_figure_numbers():
    # Its text alternative: one example jumps between about 0.01 and 4; eight between about 0.05 and 1;
    # the whole set flattens near 0.32.
    one, eight, whole = (_batch_losses(0, b) for b in (1, 8, 200))
    assert 0.003 < one.min() < 0.03 and 2 < one.max() < 6
    assert 0.02 < eight.min() < 0.1 and 0.7 < eight.max() < 1.5
    assert round(whole[-1], 2) == 0.32 and np.all(np.diff(whole) < 0)


def _rate_run(eta, seed=0):
    X, y = regression_1d(100, rng=seed)
    network = annlib.Network.from_sizes([1, 16, 1], "tanh", "identity", rng=seed)
    try:
        history = annlib.fit(network, X, y, "mse", "sgd", learning_rate=eta, epochs=200, rng=0, progress=False)
    except annlib.TrainingDiverged as error:
        return np.array(error.history.loss), True
    return np.array(history.loss), False


def test_lesson07_learning_rate_story_as_printed():
    slow, _ = _rate_run(0.003)
    right, _ = _rate_run(0.1)
    bumpy, _ = _rate_run(0.2)
    far, diverged = _rate_run(1.0)
    assert slow[-1] > 5 * right[-1]
    assert bumpy[0] > right[0]  # its first step overshoots
    assert round(bumpy[39], 2) == 0.04 and round(right[39], 2) == 0.07  # "0.04 by epoch 40, against 0.07"
    assert 55 <= int(np.argmax(bumpy[45:80])) + 46 <= 59 and round(bumpy[45:80].max(), 2) == 0.11
    assert 160 <= int(np.argmax(bumpy[120:])) + 121 <= 170
    assert diverged and len(far) <= 5 and far[-1] > 1e5
    # the figure's text alternative
    assert round(slow[0], 2) == 0.17 and round(slow[-1], 2) == 0.13
    assert round(right[-1], 3) == 0.023 and round(bumpy[-1], 3) == 0.022


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson07_larger_rate_falls_faster_after_its_first_step(seed):
    right, _ = _rate_run(0.1, seed)
    bumpy, _ = _rate_run(0.2, seed)
    assert bumpy[19] < right[19]  # by epoch 20 it is ahead of eta = 0.1


@pytest.fixture(scope="module")
def optimizer_runs():
    runs = {}
    for seed in SEEDS:
        X, y = _moons(seed)
        for name, eta in (("sgd", 0.5), ("momentum", 0.5), ("adam", 0.05)):
            history = annlib.fit(
                _network(seed),
                X,
                y,
                "binary_cross_entropy",
                name,
                learning_rate=eta,
                epochs=150,
                rng=seed,
                progress=False,
            )
            runs[name, seed] = np.array(history.loss)
    return runs


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson07_momentum_and_adam_leave_the_plateau(optimizer_runs, seed):
    plain = optimizer_runs["sgd", seed][-1]
    assert optimizer_runs["momentum", seed][-1] < 0.5 * plain
    assert optimizer_runs["adam", seed][-1] < 0.5 * plain


def test_lesson07_optimizer_figure_numbers(optimizer_runs):
    plain, momentum, adam = (optimizer_runs[name, 0] for name in ("sgd", "momentum", "adam"))
    assert all(run[29] < 0.36 for run in (plain, momentum, adam))  # about 0.33 within 30 epochs
    assert momentum[39] > 0.29 and adam[39] > 0.29 and momentum[59] < 0.27 and adam[59] < 0.27  # leave at ~40
    assert round(plain[-1], 2) == 0.32 and round(momentum[-1], 2) == 0.09 and round(adam[-1], 2) == 0.10


def test_lesson07_stopping_rules_cut_one_curve():
    X, y = _moons(0)
    rules = [
        dict(),
        dict(target_loss=0.1),
        dict(tol=1e-3, patience=10),
        dict(callback=lambda epoch, history: history.accuracy[-1] >= 0.95),
    ]
    runs = [
        annlib.fit(
            _network(0),
            X,
            y,
            "binary_cross_entropy",
            "momentum",
            learning_rate=0.5,
            epochs=300,
            rng=0,
            progress=False,
            **rule,
        )
        for rule in rules
    ]
    whole = runs[0].loss
    for run in runs[1:]:
        assert run.epochs < 300 and run.loss == whole[: run.epochs]


def _equal_start(value, seed):
    network = _network(seed)
    for layer in network.layers:
        layer.W[...] = value
    return network


@pytest.mark.parametrize("seed", SEEDS)
def test_lesson07_equal_starts_stay_copies_and_random_wins(seed):
    X, y = _moons(seed)
    results = {}
    for value in (0.0, 0.5):
        network = _equal_start(value, seed)
        history = annlib.fit(
            network, X, y, "binary_cross_entropy", "momentum", learning_rate=0.5, epochs=150, rng=seed, progress=False
        )
        W = network.layers[0].W
        assert W.shape == (2, 16) and np.abs(W - W[:, :1]).max() < 1e-12
        results[value] = (history, network)
    zero, _ = results[0.0]
    assert zero.loss[-1] == pytest.approx(math.log(2)) and zero.accuracy[-1] == 0.5
    # From 0.5 the 2-16-1 network computes what one hidden neuron computes.
    half, network = results[0.5]
    first, second = network.layers
    one = annlib.Network([annlib.Dense(2, 1, "tanh", rng=0), annlib.Dense(1, 1, "sigmoid", rng=0)])
    one.layers[0].W[...], one.layers[0].b[...] = first.W[:, :1], first.b[:1]
    one.layers[1].W[...], one.layers[1].b[...] = second.W.sum(axis=0, keepdims=True), second.b
    assert np.allclose(one.predict(X), network.predict(X))
    random = annlib.fit(
        _network(seed),
        X,
        y,
        "binary_cross_entropy",
        "momentum",
        learning_rate=0.5,
        epochs=150,
        rng=seed,
        progress=False,
    )
    assert random.loss[-1] < 0.5 * half.loss[-1]


def _gradient_sizes(seed):
    data = np.random.default_rng(seed)
    X_deep, y_deep = data.normal(size=(256, 32)), data.normal(size=(256, 1))
    starts = {
        "tanh 1": ("tanh", 1.0),
        "tanh 0.05": ("tanh", 0.05),
        "tanh glorot": ("tanh", "auto"),
        "relu 1": ("relu", 1.0),
        "relu he": ("relu", "auto"),
    }
    sizes, saturated = {}, None
    for name, (activation, init) in starts.items():
        layers = [annlib.Dense(32, 32, activation, init=init, rng=k + 100 * seed) for k in range(8)]
        deep = annlib.Network(layers + [annlib.Dense(32, 1, "identity", init=init, rng=8 + 100 * seed)])
        deep.backward(MSE().gradient(deep.forward(X_deep), y_deep))
        sizes[name] = np.array([np.sqrt(np.mean(layer.grad_W**2)) for layer in deep.layers])
        if name == "tanh 1":
            z = deep.layers[1].z
            saturated = (np.std(z), np.mean(np.abs(np.tanh(z)) > 0.9))
    return sizes, saturated


@pytest.mark.parametrize("seed", range(4))
def test_lesson07_initial_scale_story(seed):
    sizes, (spread, share_saturated) = _gradient_sizes(seed)
    tanh_1 = sizes["tanh 1"]
    assert 4.5 < spread < 7 and share_saturated > 0.5  # spread about 6, most units saturated
    assert 1.4 < (tanh_1[0] / tanh_1[7]) ** (1 / 7) < 1.8 and tanh_1[0] > 10 * tanh_1[7]
    assert np.all((1e-7 < sizes["tanh 0.05"]) & (sizes["tanh 0.05"] < 1e-5))  # about a millionth
    assert np.all((1e8 < sizes["relu 1"]) & (sizes["relu 1"] < 1e11))
    for name in ("tanh glorot", "relu he"):
        hidden = sizes[name][:8]
        assert hidden.max() < 10 * hidden.min()  # within a factor of ten of each other
        assert 1 < sizes[name][-1] / hidden.max() < 10  # the output layer's a few times larger
        assert np.all((1e-3 < sizes[name]) & (sizes[name] < 10))


@pytest.mark.parametrize("seed", range(3))
def test_lesson07_boundary_improves_as_training_goes(seed):
    X, y = _moons(0)
    network = _network(seed)
    optimizer = annlib.optimizers.Momentum(0.5)
    shuffle = np.random.default_rng(seed)
    scores, done = [], 0
    for epochs in (0, 10, 50, 200):
        if epochs > done:
            annlib.fit(
                network,
                X,
                y,
                "binary_cross_entropy",
                optimizer,
                epochs=epochs - done,
                batch_size=16,
                rng=shuffle,
                progress=False,
            )
            done = epochs
        scores.append(annlib.metrics.accuracy(network.predict(X), y))
    assert scores[0] < scores[1] <= scores[2] <= scores[3]


def _ring_predictions(network, radius=1.6, n=72):
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return network.predict(radius * np.column_stack([np.cos(angles), np.sin(angles)]))[:, 0] > 0.5


def test_lesson07_playground_circles_story():
    pg = Playground("circles", hidden_layers=(4,), activation="tanh", learning_rate=0.3, batch_size=16)
    pg.train(50)
    # a stripe after 50 epochs: it claims class 1 far outside the ring, on two opposite sides
    outside = _ring_predictions(pg.network)
    assert outside.any() and np.roll(outside, 36)[outside].any()
    pg.train(50)
    train, test = np.array(pg.losses), np.array(pg.test_losses)
    assert round(train[0], 2) == 0.70 and round(train[79], 2) == 0.44
    assert test[:80].min() > 0.58 and test[:80].max() < 0.71  # "between about 0.59 and 0.70"
    assert train[-1] < 0.25 and test[-1] < 0.25  # then both drop together
    assert not _ring_predictions(pg.network).any()  # a closed curve in the end


def _best_line_accuracy(X, y, n_angles=3600):
    best = 0.0
    for angle in np.linspace(0, 2 * np.pi, n_angles, endpoint=False):
        projection = X @ np.array([np.cos(angle), np.sin(angle)])
        order = np.argsort(projection)
        labels = y[order]
        # class 1 above the cut: the ones above plus the zeros below, for every cut
        ones_above = labels.sum() - np.concatenate([[0], np.cumsum(labels)])
        zeros_below = np.concatenate([[0], np.cumsum(1 - labels)])
        best = max(best, ((ones_above + zeros_below) / len(y)).max())
    return best


def test_lesson07_circles_without_hidden_layer():
    pg = Playground("circles", hidden_layers=(4,), activation="tanh", learning_rate=0.3, batch_size=16)
    pg.train(100)
    pg.configure(hidden_layers=())
    pg.train(100)
    assert all(0.685 < value < 0.70 for value in pg.losses + pg.test_losses)  # about 0.69, ln 2
    p = pg.network.predict(pg.X_train)[:, 0]
    assert round(p.min(), 2) >= 0.42 and round(p.max(), 2) <= 0.57  # close to 0.5 everywhere
    assert 0.4 < pg.accuracies[-1] < 0.6 and 0.4 < pg.test_accuracies[-1] < 0.6  # near 50%
    assert round(_best_line_accuracy(pg.X_train, pg.y_train.astype(float)), 2) == 0.69
