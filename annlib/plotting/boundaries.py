"""Plot helpers: boundaries (see annlib.plotting)."""

__all__ = []
