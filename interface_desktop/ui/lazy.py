"""Service modules that window parts call only when the user acts: imported at that first use, not at start-up.

The modules behind them load SQLAlchemy and the models, which the first window is painted without (see
services.dashboard.read). `meetings = lazy_module("interface_desktop.services.meetings.meetings")` gives a module whose
code runs the first time one of its names is used (importlib's LazyLoader).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)
    return module
