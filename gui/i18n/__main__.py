"""python -m gui.i18n update|check|export|apply: maintain the translation catalogues (see docs/translating.md)."""

import sys

from .tools import main

sys.exit(main(sys.argv[1:]))
