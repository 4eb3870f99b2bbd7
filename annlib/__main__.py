"""`python -m annlib release ...` and `python -m annlib grade ...`: the same as the `annlib` command."""

import sys

from annlib.cli import main

sys.exit(main())
