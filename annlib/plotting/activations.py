"""Plot helpers: activations (see annlib.plotting)."""

__all__ = []
