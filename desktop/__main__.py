"""`python -m desktop`: the same entry point as the `selfcheck` console script."""

import sys

from desktop.cli import main

sys.exit(main())
