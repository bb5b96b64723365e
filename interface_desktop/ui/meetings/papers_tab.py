"""A meeting's papers: attach (file dialog or drag and drop), link to an agenda item, open, remove."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from interface_desktop.services.meetings import agenda
from interface_desktop.services.documents import files
from interface_desktop.services.core.errors import ServiceError
from interface_desktop.services.documents.files import PaperDTO
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.confirm import confirm_delete
from interface_desktop.ui.widgets.feedback import show_error
from interface_desktop.ui.widgets.forms import set_combo_data
from interface_desktop.ui.meetings.papers_model import COL_TITLE, PapersModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.widgets.tables import EmptyHint, new_hint, record_table
from interface_desktop.ui.tasks import TaskRunner


class PapersTab(QWidget):
    def __init__(self, runner: ServiceRunner, signals: AppSignals, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.signals = signals
        self.ops = Operations(runner, self, signals=signals)
        self.tasks = tasks
        self.meeting: MeetingDTO | None = None
        self.model = PapersModel(self)
        self.table = record_table(self.model, "Papers", COL_TITLE)
        EmptyHint(self.table, new_hint("papers", "Attach files", "Alt+A"))
        self.table.doubleClicked.connect(self.open_paper)
        self.table.activated.connect(self.open_paper)
        self.table.selectionModel().currentRowChanged.connect(self._show_link)
        self.attach = QPushButton("&Attach files…")
        self.attach.clicked.connect(self.choose_files)
        self.open_button = QPushButton("&Open")
        self.open_button.clicked.connect(self.open_paper)
        self.remove = QPushButton("&Remove")
        self.remove.clicked.connect(self.remove_paper)
        self.item_combo = QComboBox()
        # Long names and item titles must not widen the window; the list itself shows them in full.
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item_combo.setMinimumContentsLength(18)
        self.item_combo.setAccessibleName("Agenda item of the selected paper")
        self.item_combo.activated.connect(self._link)
        item_label = QLabel("For agenda &item:")
        item_label.setBuddy(self.item_combo)
        buttons = QHBoxLayout()
        for widget in (self.attach, self.open_button, self.remove, item_label, self.item_combo):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("Drop files here to attach them. Papers open in their usual program."))
        self.setAcceptDrops(True)

    def set_meeting(self, meeting: MeetingDTO) -> None:
        self.meeting = meeting
        self.reload()

    def reload(self) -> None:
        assert self.meeting is not None
        items = self.runner.call(agenda.list_agenda, self.meeting.id)
        labels = {i.id: f"{i.number}. {i.title}" for i in items}
        self.model.set_items(labels)
        self.model.set_rows(self.runner.call(files.list_papers, self.meeting.id))
        self.item_combo.clear()
        self.item_combo.addItem("(not linked)", 0)
        for item_id, label in labels.items():
            self.item_combo.addItem(label, item_id)
        self._show_link()

    def current_paper(self) -> PaperDTO | None:
        index = self.table.currentIndex()
        return self.model.row_dto(index.row()) if index.isValid() else None

    def _show_link(self) -> None:
        paper = self.current_paper()
        self.item_combo.setEnabled(paper is not None)
        self.open_button.setEnabled(paper is not None)
        self.remove.setEnabled(paper is not None)
        if paper is not None:
            set_combo_data(self.item_combo, paper.agenda_item_id or 0)

    def _link(self) -> None:
        paper = self.current_paper()
        if paper is None:
            return
        self.ops.change("Link paper", "paper", files.update_paper, paper.id,
                        agenda_item_id=self.item_combo.currentData() or None)
        self._reload_choosing(paper.id)  # a refused link is put back

    def _reload_choosing(self, select_id: int | None = None) -> None:
        self.reload()
        row = self.model.row_of(select_id) if select_id else -1
        if row >= 0:
            self.table.selectRow(row)

    # -- attaching ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        kinds = "Documents (*.pdf *.docx *.doc *.xlsx *.pptx *.odt *.txt);;All files (*)"
        names, _ = QFileDialog.getOpenFileNames(self, "Attach papers", "", kinds)
        self.attach_files([Path(n) for n in names])

    def attach_files(self, paths: list[Path]) -> None:
        """Reads and stores the files on a worker thread (papers can be large)."""
        if not paths or self.meeting is None:
            return
        meeting_id, runner = self.meeting.id, self.runner
        item_id = None
        current = self.current_paper()
        if current is None and self.item_combo.currentData():
            item_id = self.item_combo.currentData()
        self.attach.setEnabled(False)
        self.ops.start(lambda: runner.call(_add_papers, meeting_id, paths, item_id), tasks=self.tasks,
                       label=f"Attaching {len(paths)} paper(s)…", title="Attach papers", kinds="paper",
                       done=self._attached, failed=lambda _: self.attach.setEnabled(True))

    def _attached(self, added: list[PaperDTO]) -> None:
        self.attach.setEnabled(True)
        self.signals.status_message.emit(f"Attached {len(added)} paper(s)")
        self._reload_choosing(added[-1].id if added else None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.meeting is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.attach_files(paths)

    # -- opening and removing -------------------------------------------------------------------
    def open_paper(self) -> None:
        paper = self.current_paper()
        if paper is None:
            return
        read = self.ops.query("Open paper", files.read_paper, paper.id)
        if not read:
            return
        filename, data = read.value
        folder = Path(tempfile.mkdtemp(prefix="interface-desktop-paper-"))
        target = folder / filename
        target.write_bytes(data)
        target.chmod(0o400)  # a copy to read: changes belong in a new version attached to the meeting
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            show_error(self, "Open paper", ServiceError(f"No program on this computer opens {filename}; a copy is "
                                                        f"at {target}"))

    def remove_paper(self) -> None:
        paper = self.current_paper()
        if paper is None or not confirm_delete(self, f"the paper “{paper.title}” ({paper.filename})",
                                               "The stored copy of the file is removed from this meeting."):
            return
        self.ops.change("Remove paper", "paper", files.delete_paper, paper.id)
        self._reload_choosing()


def _add_papers(session, meeting_id: int, paths: list[Path], item_id: int | None) -> list[PaperDTO]:  # noqa: ANN001
    """Worker code: reads each file and stores it; all the papers are attached, or none (a Session first)."""
    added = []
    for path in paths:
        filename, data = files.read_source(path)
        added.append(files.add_paper(session, meeting_id=meeting_id, filename=filename, data=data,
                                     agenda_item_id=item_id))
    return added
