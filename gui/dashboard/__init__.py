"""The training dashboard: live pyqtgraph plots of curves, weights, predictions, decision maps and runs."""

from .dashboard import Dashboard

__all__ = ["Dashboard"]
