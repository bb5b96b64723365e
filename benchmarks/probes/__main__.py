"""`python -m benchmarks.probes NAME [key=value ...]`: runs one probe and prints its figures as one JSON line."""

from __future__ import annotations

import importlib
import json
import resource
import sys

PROBES = {
    "bare_window": "benchmarks.probes.bare_window:main",
    "actions_app": "benchmarks.probes.actions:app",
    "actions_bare": "benchmarks.probes.actions:bare",
    "search_app": "benchmarks.probes.search:app",
    "search_bare": "benchmarks.probes.search:bare",
    "minutes_app": "benchmarks.probes.documents:minutes_app",
    "minutes_bare": "benchmarks.probes.documents:minutes_bare",
    "pack_app": "benchmarks.probes.documents:pack_app",
    "pack_bare": "benchmarks.probes.documents:pack_bare",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in PROBES:
        print(f"usage: python -m benchmarks.probes {{{','.join(PROBES)}}} [key=value ...]", file=sys.stderr)
        return 2
    options = dict(arg.split("=", 1) for arg in argv[1:])
    module, function = PROBES[argv[0]].split(":")
    figures = getattr(importlib.import_module(module), function)(**options)
    figures["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
