"""One way to change data from the GUI: the service call, its error reported in one place, what changed announced.

As in Anki's collection operations, each change names the kinds of record it changes. When it succeeds,
`data_changed(kind)` goes out for each kind, so the pages showing them refresh; when the service refuses
(a ServiceError) nothing is announced and the error reaches the user once: in a message box, unless the owner
shows it elsewhere (a record dialog beside its fields, a panel under its inputs). Other exceptions are bugs and
are not caught on the UI thread; work on a worker thread reports them too, as it has no caller to raise to.
Reads stay plain `runner.call`; `query` is for the few whose failure the user should hear about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.signals import CHANGE_KINDS, AppSignals
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.ui.widgets.feedback import show_error

R = TypeVar("R")
# How an owner shows a failed operation: (title, error). Service errors are written for people.
Report = Callable[[str, Exception], None]
Kinds = str | Iterable[str]


@dataclass(frozen=True)
class Outcome(Generic[R]):
    """What an operation gave: `ok` (also its truth value) and the service's `value` (None when it failed)."""

    ok: bool
    value: R | None = None

    def __bool__(self) -> bool:
        return self.ok


def _kinds(kinds: Kinds) -> tuple[str, ...]:
    named = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    unknown = [kind for kind in named if kind not in CHANGE_KINDS]
    if unknown:
        raise ValueError(f"not a kind of record the pages follow: {', '.join(unknown)}")
    return named


class Operations:
    """The changes one window part makes: `ops.change("Delete meeting", "meeting", meetings.delete_meeting, id)`.

    With `signals` the kinds are announced at once. Without them (a dialog) they are kept in `held`, and the
    page that opened the dialog announces them once it closes, so no page reloads under an open dialog.
    `part()` gives a panel of the owner its own way of showing errors; its changes count as the owner's.
    """

    def __init__(self, runner: ServiceRunner, parent: QWidget | None, *, signals: AppSignals | None = None,
                 report: Report | None = None):
        self.runner = runner
        self.parent = parent
        self.signals = signals
        self.report: Report = report or self._message_box
        self.held: list[str] = []
        self.announcing = False  # True while this owner's own announcement is going out
        self._owner: Operations | None = None

    def part(self, parent: QWidget | None, report: Report | None = None) -> Operations:
        part = Operations(self.runner, parent, report=report or self.report)
        part._owner = self
        return part

    # -- running ----------------------------------------------------------------------------------------------
    def change(self, title: str, kinds: Kinds, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Outcome[R]:
        """Run `fn(session, *args, **kwargs)` in its own unit of work; announce `kinds`, or report why not.

        `title` heads the message when it fails ("Delete meeting"); it names what the user tried to do.
        """
        named = _kinds(kinds)
        try:
            value = self.runner.call(fn, *args, **kwargs)
        except ServiceError as exc:
            self.report(title, exc)
            return Outcome(False)
        self.announce(*named)
        return Outcome(True, value)

    def query(self, title: str, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Outcome[R]:
        """A read whose refusal the user should hear about (a record gone since the list was shown)."""
        return self.change(title, (), fn, *args, **kwargs)

    def start(self, work: Callable[[], R], *, tasks: TaskRunner, label: str, title: str, kinds: Kinds = (),
              done: Callable[[R], None] | None = None, failed: Callable[[Exception], None] | None = None) -> None:
        """Slow work on a worker thread, `label` in the busy indicator; announced or reported as `change` is.

        `done` gets the result after the announcement; `failed` puts the owner's controls back before the
        error is shown. The work must not touch widgets.
        """
        named = _kinds(kinds)

        def finished(value: R) -> None:
            self.announce(*named)
            if done is not None:
                done(value)

        def went_wrong(exc: Exception) -> None:
            if failed is not None:
                failed(exc)
            self.report(title, exc)

        tasks.start(label, work, finished, went_wrong)

    # -- announcing -------------------------------------------------------------------------------------------
    def announce(self, *kinds: str) -> None:
        """These kinds changed: pages showing them refresh (or, without signals, they are held for the owner)."""
        if self._owner is not None:
            self._owner.announce(*kinds)
            return
        named = _kinds(kinds)
        if self.signals is None:
            self.held.extend(kind for kind in dict.fromkeys(named) if kind not in self.held)
            return
        self.announcing = True
        try:
            for kind in named:
                self.signals.data_changed.emit(kind)
        finally:
            self.announcing = False

    def _message_box(self, title: str, exc: Exception) -> None:
        show_error(self.parent, title, exc)
