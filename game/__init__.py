"""EcoCards: log eco-actions, earn green energy, collect real Red List species cards."""

__version__ = "0.1.0"
