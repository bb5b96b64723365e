"""The fictional example data: used by `demo` and by first run only."""
