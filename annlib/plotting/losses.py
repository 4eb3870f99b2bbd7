"""Plot helpers: losses (see annlib.plotting)."""

__all__ = []
