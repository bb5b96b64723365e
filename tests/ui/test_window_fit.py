"""The window on a first start at the commonest NHS laptop screen (1366x768) and on a full HD one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("window_probe.py")


@pytest.fixture
def example_db(demo_template, tmp_path) -> Path:
    path = tmp_path / "example.sqlite3"
    shutil.copyfile(demo_template[0], path)
    return path


def first_start(example_db: Path, tmp_path: Path, width: int, height: int) -> dict:
    screen = {"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}], "windowFrameMargins": True}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, str(PROBE), str(example_db), str(tmp_path / "new-settings.ini")],
                          env=env, check=True, capture_output=True, text=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_first_start_fits_the_screen(example_db, tmp_path, width, height):
    seen = first_start(example_db, tmp_path, width, height)
    assert seen["screen"] == [width, height]
    assert seen["frame_inside"], seen
    assert seen["status_visible"], seen
    assert seen["group"] == "Edinburgh Primary and Secondary Care Interface Group"
    assert seen["group_whole"], seen
    assert seen["meetings"] > 5
    assert not seen["meetings_scroll"], seen


def test_a_big_screen_is_used(example_db, tmp_path):
    seen = first_start(example_db, tmp_path, 1920, 1080)
    assert seen["window"][0] >= 1600 and seen["window"][1] >= 900, seen
