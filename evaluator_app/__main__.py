"""`python -m evaluator_app` is the same as the `evaluator-app` command."""

import multiprocessing
import sys

# A frozen app's drawing worker (reports/drawing_pool.py) runs the executable again: it must become the worker
# before the launcher is imported, reads argv or opens a window. (A worker spawned by `python -m evaluator_app`
# never runs this module: multiprocessing skips a parent's `__main__` of a package.)
multiprocessing.freeze_support()

from .launcher import main  # noqa: E402

sys.exit(main())
