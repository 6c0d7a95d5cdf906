"""`python -m desktop`: the same entry point as the `selfcheck` console script."""

import multiprocessing
import sys

from desktop.cli import main

# The guard matters: the password measurer's helper process (spawn) imports this module
# again, and must not start a second app. freeze_support() does the same for frozen builds.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
