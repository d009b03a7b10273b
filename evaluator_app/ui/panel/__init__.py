"""The panel of evaluators: setup, the members' matrix, submitting, consensus, reopening and finalising."""
