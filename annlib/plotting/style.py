"""Plot helpers: style (see annlib.plotting)."""

__all__ = []
