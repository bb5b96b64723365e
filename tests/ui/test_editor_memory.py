"""A secretary's day does not grow memory: editors and dialogs opened and cancelled all day are freed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import editor_soak

CYCLES = 200  # every editor and dialog opened and cancelled this many times, after a warm-up
MAX_GROWTH = 10 * 2**20


@pytest.mark.slow
def test_opening_and_cancelling_every_dialog_all_day_does_not_grow_memory(demo_template, tmp_path):
    copy = tmp_path / "example.sqlite3"
    shutil.copyfile(demo_template[0], copy)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INTERFACE_DESKTOP_DATA_DIR=str(tmp_path / "data"),
               INTERFACE_DESKTOP_TODAY="2026-11-23")
    done = subprocess.run([sys.executable, editor_soak.__file__, str(copy), str(CYCLES)], env=env,
                          capture_output=True, text=True, timeout=600, cwd=Path(__file__).parent)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["dialogs"] == {"widgets": 0, "objects": 0, "names": []}
    assert result["growth"] < MAX_GROWTH, f"grew {result['growth'] / 2**20:.1f} MiB over {CYCLES} days"
