"""`python -m desktop`: the same entry point as the `selfcheck` console script."""

import sys

from desktop.cli import main

# The guard matters: the password measurer's helper process (spawn) imports this module
# again, and must not start a second app. freeze_support() does the same for frozen
# builds, and only there: it does nothing in a source run, where importing
# multiprocessing would cost ~15 ms before the first paint.
if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
