"""IPython start-up file for `make test-rounding`: every Dense layer, and every network that
annlib.scratch.initialize makes, starts from nudged weights.

Each weight is multiplied by 1 + 1e-10 * (a standard normal draw) right after the layer is built. Two
machines round matrix products differently in the last bits (about 1e-16 relative); this nudge is a
million times larger. A notebook whose saved outputs still match under it prints nothing that rounding can
move, and none of its examples sits in a regime (a chaotic learning rate, a tie) whose outcome the last bits
decide. The make target copies this file into a fresh IPYTHONDIR's profile_default/startup, so nbval's
kernels run it before the first cell.
"""

import numpy as _np

import annlib.layers as _layers
import annlib.scratch as _scratch

_NUDGE = 1e-10
_draws = _np.random.default_rng(20261201)
_build = _layers.Dense.__init__


def _nudged_build(self, *args, **kwargs):
    _build(self, *args, **kwargs)
    self.W *= 1 + _NUDGE * _draws.standard_normal(self.W.shape)


_layers.Dense.__init__ = _nudged_build


_initialize = _scratch.initialize


def _nudged_initialize(sizes, rng):
    return [(W * (1 + _NUDGE * _draws.standard_normal(W.shape)), b) for W, b in _initialize(sizes, rng)]


_nudged_initialize.__doc__ = _initialize.__doc__
_scratch.initialize = _nudged_initialize
