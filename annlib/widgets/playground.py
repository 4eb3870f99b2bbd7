"""Widget: playground (see annlib.widgets)."""

__all__ = []
