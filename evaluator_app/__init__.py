"""evaluator-app: performance-agreement evaluation for Thai independent evaluation committees."""

__version__ = "0.1.0"
