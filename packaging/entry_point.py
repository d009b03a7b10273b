"""The frozen app's entry script: the same as the `evaluator-app` console script and `python -m evaluator_app`."""

import sys

from evaluator_app.launcher import main

if __name__ == "__main__":
    sys.exit(main())
