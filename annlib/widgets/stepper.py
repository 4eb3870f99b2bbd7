"""Widget: stepper (see annlib.widgets)."""

__all__ = []
