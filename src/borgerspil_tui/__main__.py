"""Allow `python -m borgerspil_tui`."""

import sys

from borgerspil_tui.cli import main

sys.exit(main())
