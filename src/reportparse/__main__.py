"""``python -m reportparse``: the same command line as the ``reportparse`` script."""

import sys

from .cli import main

sys.exit(main())
