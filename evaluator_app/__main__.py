"""`python -m evaluator_app` is the same as the `evaluator-app` command."""

import sys

# Drawing workers (reports/drawing_pool.py) are spawned as `python -c "from multiprocessing.spawn import ..."`,
# which never runs this module, so nothing here needs multiprocessing.freeze_support(): only the frozen app's own
# entry script does (packaging/entry_point.py). Importing multiprocessing here would cost every start some 11 ms
# before the first paint (its context module imports pickle and socket).
from .launcher import main

sys.exit(main())
