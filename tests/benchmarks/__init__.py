"""Benchmarks of the national workload, run as `python -m tests.benchmarks`; never part of the timed test suite."""
