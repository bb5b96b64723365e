"""`python -m benchmarks.peak REPORT_FILE MODULE [args ...]`: runs `python -m MODULE args` and writes its peak memory.

The peak resident memory the kernel reports for a child (`wait4`, `getrusage`) includes the memory of the
process that spawned it, because the new program's figure starts from its parent's at exec; a benchmark
runner that has imported the app and generated databases would lend the bare baseline its own size. This
wrapper writes the program's own peak (VmHWM of the process after exec) to REPORT_FILE when it ends.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def own_peak_kib() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource  # not Linux: the kernel's figure, which may include the parent's

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    report, module, *args = sys.argv[1:]
    sys.argv = [module, *args]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        Path(report).write_text(str(own_peak_kib()), encoding="ascii")


if __name__ == "__main__":
    main()
