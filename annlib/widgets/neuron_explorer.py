"""Widget: neuron_explorer (see annlib.widgets)."""

__all__ = []
