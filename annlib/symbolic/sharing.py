"""How big an expression is, computing its repeated pieces once, and turning it into fast numpy code."""

from dataclasses import dataclass

import sympy as sp

from annlib.symbolic.functions import _NUMPY_FUNCTIONS


def expression_size(expr):
    """The number of operations in an expression (sp.count_ops), summed over a list or Matrix."""
    if isinstance(expr, (list, tuple, sp.MatrixBase)):
        return sum(expression_size(e) for e in expr)
    return int(sp.count_ops(expr))


@dataclass
class CommonSubexpressions:
    """The result of sp.cse: `replacements` [(c0, expr), ...] computed once, then `reduced`."""

    replacements: list
    reduced: list
    original: list

    @property
    def size_before(self):
        return expression_size(self.original)

    @property
    def size_after(self):
        return expression_size([e for _, e in self.replacements]) + expression_size(self.reduced)

    def _repr_latex_(self):
        lines = [rf"{sp.latex(s)} &= {sp.latex(e)}" for s, e in self.replacements]
        lines += [rf"\text{{result {k}}} &= {sp.latex(e)}" for k, e in enumerate(self.reduced, start=1)]
        return "$\\begin{aligned}" + r" \\ ".join(lines) + "\\end{aligned}$"

    def __repr__(self):
        lines = [f"{s} = {e}" for s, e in self.replacements]
        lines += [f"result {k} = {e}" for k, e in enumerate(self.reduced, start=1)]
        return "\n".join(lines)


def common_subexpressions(exprs):
    """Common-subexpression elimination: compute each repeated piece once (c0, c1, ...)."""
    exprs = list(exprs) if isinstance(exprs, (list, tuple, sp.MatrixBase)) else [exprs]
    replacements, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("c"))
    return CommonSubexpressions(replacements, reduced, exprs)


def to_numpy_function(symbols, expr):
    """A fast numpy function of `symbols` computing `expr` (sp.lambdify with shared subexpressions)."""
    return sp.lambdify(list(symbols), expr, modules=[_NUMPY_FUNCTIONS, "numpy"], cse=_shared)


def _shared(exprs):
    # sp.cse without sorting the result: the same pieces, found faster on large gradients.
    return sp.cse(exprs, order="none", list=False)
