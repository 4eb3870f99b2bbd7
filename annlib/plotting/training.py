"""Plot helpers: training (see annlib.plotting)."""

__all__ = []
