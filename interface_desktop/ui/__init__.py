"""PySide6 user interface: windows, views, Qt models and dialogs. Reaches data only through services."""

import builtins
import sys

# Python's own `__import__`, kept before PySide6 replaces it (see ui.application.plain_imports); None when
# something imported PySide6 before this package.
PLAIN_IMPORT = None if "shiboken6" in sys.modules else builtins.__import__
