"""Plot helpers: diagram (see annlib.plotting)."""

__all__ = []
