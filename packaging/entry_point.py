"""The frozen app's entry script: the same as the `evaluator-app` console script and `python -m evaluator_app`."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A batch of reports draws in worker processes started by running this same executable (reports/
    # drawing_pool.py): in the frozen app this call makes such a run a drawing worker, which never returns here,
    # before the launcher is imported, reads argv or opens a window.
    multiprocessing.freeze_support()
    from evaluator_app.launcher import main

    sys.exit(main())
