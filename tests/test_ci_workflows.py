"""The Windows build workflow: valid for the workflow schema, and doing what the README says it does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "windows.yml"


def checker() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    assert found, "check-jsonschema is installed with the test extras"
    return found


def check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([checker(), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_the_windows_workflow_is_valid():
    result = check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_is_refused(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: windows-2022", "runs_on: windows-2022"))
    assert check(broken).returncode != 0


@pytest.fixture(scope="module")
def steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]["test-and-bundle"]["steps"]


def test_it_tests_builds_and_self_tests_on_windows(steps: list[dict]):
    job = yaml.safe_load(WORKFLOW.read_text())["jobs"]["test-and-bundle"]
    assert job["runs-on"].startswith("windows")
    commands = "\n".join(step.get("run", "") for step in steps)
    for needed in ('pip install -e ".[test,bundle]"', "lint-imports", "-m pytest", r"build\make_bundle.py",
                   "InterfaceDesktop.exe --self-test"):
        assert needed in commands, needed


def test_the_bundle_build_options_exist(steps: list[dict]):
    """The options the workflow passes to the bundle script are ones it accepts."""
    build = next(step["run"] for step in steps if "make_bundle.py" in step.get("run", ""))
    root = WORKFLOW.parents[2]
    usage = subprocess.run([sys.executable, str(root / "build" / "make_bundle.py"), "--help"],
                           capture_output=True, text=True, timeout=60, cwd=root)
    assert usage.returncode == 0, usage.stderr
    for option in (word for word in build.split() if word.startswith("--")):
        assert option in usage.stdout, option
