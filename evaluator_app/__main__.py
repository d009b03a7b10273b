"""`python -m evaluator_app` is the same as the `evaluator-app` command."""

import sys

from .launcher import main

sys.exit(main())
