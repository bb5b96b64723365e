"""What the self-test's steps share: the throw-away folder and open database, and the check that fails a step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class CheckFailed(Exception):
    """A self-test step ran but its result was wrong; the message says what was expected."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


@dataclass
class Context:
    """What the steps share: the temporary folder, the open database and what earlier steps found."""

    folder: Path
    db: object = None
    runner: object = None
    found: dict[str, object] = field(default_factory=dict)


# A step's name (as printed in the summary line) and the function that does it and says what it found.
Step = tuple[str, Callable[[Context], str]]
