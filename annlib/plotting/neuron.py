"""Plot helpers: neuron (see annlib.plotting)."""

__all__ = []
