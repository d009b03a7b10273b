"""Typing results and ratings: the agreement table, the details pane, adjusting a score, evidence and cell history."""
