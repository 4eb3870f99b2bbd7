"""The chain rule, step by step: dC/dw as a product of one derivative per link, shown in LaTeX.

`chain_rule_steps(links, wrt)` takes a chain of definitions, outermost first (C from yhat, yhat from z,
z from w), and returns a `ChainRule`: each factor, their product, a simpler form when there is one,
and `verify()`, which checks the product against differentiating the whole composition in one go.
"""

import numpy as np
import sympy as sp

from annlib._validation import make_rng
from annlib.symbolic.functions import _FORMULAS, _FROM_OUTPUT, _LATEX_NAMES, _NAMED
from annlib.symbolic.sharing import to_numpy_function


def chain_rule_steps(links, wrt):
    """dC/d(wrt) through a chain of definitions, as steps a notebook displays in LaTeX.

    links: equations, outermost first, each defining a symbol through the next one:
        [Eq(C, (yhat - y)**2), Eq(yhat, sigmoid(z)), Eq(z, w1*x1 + w2*x2 + b)]  with wrt=w1.
    Returns a ChainRule: dC/dw1 = dC/dyhat * dyhat/dz * dz/dw1, each factor, and their product.
    """
    pairs = []
    for k, link in enumerate(links):
        lhs, rhs = (link.lhs, link.rhs) if isinstance(link, sp.Eq) else link
        if not isinstance(lhs, sp.Symbol):
            raise TypeError(f"chain_rule_steps: link {k} must define a symbol, got {lhs} on the left")
        pairs.append((lhs, sp.sympify(rhs)))
    if not pairs:
        raise ValueError("chain_rule_steps: links is empty; give at least one equation")
    variables = [lhs for lhs, _ in pairs] + [wrt]
    for k, (lhs, rhs) in enumerate(pairs):
        if variables[k + 1] not in rhs.free_symbols:
            raise ValueError(
                f"chain_rule_steps: link {k} ({lhs} = {rhs}) does not depend on {variables[k + 1]}; "
                "each link must use the symbol the next link defines"
            )
    return ChainRule(pairs, wrt)


def _activation_of(rhs, variable):
    """The name of the activation f if rhs is exactly f(variable), else None."""
    for name, formula in _FORMULAS.items():
        if rhs in (formula(variable), _NAMED[name](variable)):
            return name
    return None


def _tidy(expr):
    """The factored form when it is no longer: 2*(yhat - y) rather than 2*yhat - 2*y."""
    factored = sp.factor(expr)
    return factored if sp.count_ops(factored) <= sp.count_ops(expr) else expr


def _partial(outer, inner):
    return rf"\frac{{\partial {sp.latex(outer)}}}{{\partial {sp.latex(inner)}}}"


def _factor_latex(expr):
    text = sp.latex(expr)
    return rf"\left({text}\right)" if isinstance(expr, sp.Add) else text


class ChainRule:
    """The chain rule as steps: `factors` holds (outer, inner, derivative) triples, outermost first.

    `product` is dC/dwrt in the chain's own symbols and `simplified` a much shorter form of it (or None);
    `expression` substitutes every definition; `direct` differentiates the composed function in one go;
    `verify()` checks the two agree.
    """

    def __init__(self, pairs, wrt):
        self.links = pairs
        self.wrt = wrt
        self.variables = [lhs for lhs, _ in pairs] + [wrt]
        self.factors = []
        self._activations = []
        for (lhs, rhs), inner in zip(pairs, self.variables[1:]):
            name = _activation_of(rhs, inner)
            derivative = _FROM_OUTPUT[name](lhs, inner) if name else _tidy(sp.diff(rhs, inner))
            self.factors.append((lhs, inner, derivative))
            self._activations.append(name)
        self.product = sp.Mul(*(d for _, _, d in self.factors))
        simplified = sp.factor(sp.simplify(self.product))
        # Shown as a last step only when simplifying shortens the product a lot (BCE after a sigmoid
        # cancels to yhat - y); a mere reshuffle of the same factors is left out.
        shorter = sp.count_ops(simplified) < 0.75 * sp.count_ops(self.product)
        self.simplified = simplified if shorter else None

    def _substitute(self, expr):
        for lhs, rhs in self.links:  # outermost first: each definition brings in the next symbol
            expr = expr.subs(lhs, rhs)
        return expr

    @property
    def expression(self):
        """The derivative with every intermediate symbol replaced by its definition."""
        return self._substitute(self.product)

    @property
    def direct(self):
        """sp.diff of the whole composed function: the answer without the chain rule."""
        return sp.diff(self._substitute(self.links[0][1]), self.wrt)

    def verify(self, rng=0, n_points=5):
        """True when the chain-rule product equals the direct derivative at random points."""
        # the symbols of both sides (their difference may simplify to 0, which has none)
        symbols = sorted(self.expression.free_symbols | self.direct.free_symbols, key=sp.default_sort_key)
        points = make_rng(rng, caller="ChainRule.verify").uniform(0.1, 0.9, size=(n_points, len(symbols)))
        f = to_numpy_function(symbols, [self.expression, self.direct])
        values = np.array([f(*point) for point in points], dtype=float)
        return bool(np.allclose(values[:, 0], values[:, 1], rtol=1e-9, atol=1e-12))

    def _lines_latex(self):
        top, wrt = self.variables[0], self.wrt
        lines = [_partial(top, wrt) + " &= " + r" \, ".join(_partial(o, i) for o, i, _ in self.factors)]
        for (outer, inner, derivative), name in zip(self.factors, self._activations):
            middle = rf"{_LATEX_NAMES[name]}'\left({sp.latex(inner)}\right) = " if name else ""
            lines.append(_partial(outer, inner) + " &= " + middle + sp.latex(derivative))
        chained = r" \cdot ".join(_factor_latex(d) for _, _, d in self.factors)
        lines.append(_partial(top, wrt) + " &= " + chained)
        if self.simplified is not None:
            lines.append(r" &= " + sp.latex(self.simplified))
        return lines

    def _repr_latex_(self):
        return "$\\begin{aligned}" + r" \\ ".join(self._lines_latex()) + "\\end{aligned}$"

    def __repr__(self):
        top, wrt = self.variables[0], self.wrt
        lines = [f"d{top}/d{wrt} = " + " * ".join(f"d{o}/d{i}" for o, i, _ in self.factors)]
        lines += [f"d{o}/d{i} = {d}" for o, i, d in self.factors]
        lines.append(
            f"d{top}/d{wrt} = "
            + " * ".join(f"({d})" if isinstance(d, (sp.Add, sp.Mul)) else str(d) for _, _, d in self.factors)
        )
        if self.simplified is not None:
            lines.append(f"{' ' * len(f'd{top}/d{wrt}')} = {self.simplified}")
        return "\n".join(lines)
