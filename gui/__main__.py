"""``python -m gui`` starts PixelPost like the ``pixelpost`` command."""

import sys

from gui.cli import main

sys.exit(main())
