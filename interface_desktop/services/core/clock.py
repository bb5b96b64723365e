"""Today's date, which demos and tests can pin: plain Python, so the first window can use it before the data layer."""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    """The current date; INTERFACE_DESKTOP_TODAY pins it for reproducible demos and tests."""
    pinned = os.environ.get("INTERFACE_DESKTOP_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()
