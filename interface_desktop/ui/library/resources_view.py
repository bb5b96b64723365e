"""The resources page: the group's library of documents, files dropped or chosen in, opened or saved out again."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QProgressBar,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from interface_desktop.exports.safe_write import ExportError, write_file
from interface_desktop.services.documents import files
from interface_desktop.services.people import groups
from interface_desktop.services.documents import templates
from interface_desktop.vocab import RESOURCE_KIND_LABELS as RESOURCE_LABELS
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.library.resource_dialog import ResourceDialog
from interface_desktop.ui.widgets.forms import button_row, fill_combo
from interface_desktop.ui.widgets.modal import run_modal
from interface_desktop.ui.library.resources_model import ResourcesModel
from interface_desktop.ui.signals import AppSignals
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.ui.widgets.record_page import Deletion, RecordPage
from interface_desktop.ui.widgets.tables import EmptyHint, RecordTable, new_hint

WIDTHS = (240, 130, 200, 70, 85)


def write_atomically(target: Path, data: bytes) -> Path:
    """The file appears complete or not at all (an open copy in Word is never half-written), and never over the
    open database or its backups."""
    return write_file(target, lambda temp: temp.write_bytes(data))


class ResourcesView(RecordPage):
    title = "Resources"
    watched_kinds = ("resource", "group")
    kinds = ("resource",)
    noun, settings_key, deletes = "resource", "resources", ("resource",)

    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(runner, signals, parent)
        self.tasks = TaskRunner(self)
        self.open_dir = Path(tempfile.mkdtemp(prefix="interface-desktop-open-"))
        self.model = ResourcesModel(self)
        self.table = RecordTable(self.model, "Library", WIDTHS)
        self.table.activate_with(self.open_resource)
        self.table.delete_with(self.delete_current)
        EmptyHint(self.table, new_hint("files in the library", "Add file, or drop files here"))
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of document")
        fill_combo(self.kind, [("All kinds", "")] + [(v, k) for k, v in RESOURCE_LABELS.items()])
        self.kind.currentIndexChanged.connect(lambda _: self.refresh())
        self.busy = QProgressBar(maximum=0, maximumWidth=160, textVisible=False)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        self.status = QLabel("Drop files here to add them to the library.")
        self.templates = QListWidget()
        self.templates.setAccessibleName("Templates supplied with Interface Desktop")
        self.templates.setWordWrap(True)
        self.templates.setSpacing(6)
        self._build()
        self.setAcceptDrops(True)
        self.tasks.busy_changed.connect(self._busy)

    def _build(self) -> None:
        kind_label = QLabel("&Kind")
        kind_label.setBuddy(self.kind)
        buttons = button_row(("&Add file…", self.choose_files), ("&Open", self.open_resource),
                             ("Save a &copy as…", self.save_copy), ("De&lete…", self.delete_current))
        buttons.insertWidget(0, self.kind)
        buttons.insertWidget(0, kind_label)
        buttons.addWidget(self.busy)
        library = QWidget()
        left = QVBoxLayout(library)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(buttons)
        left.addWidget(self.table, 1)
        left.addWidget(self.status)
        shipped = QGroupBox("Templates supplied with the app")
        right = QVBoxLayout(shipped)
        right.addWidget(QLabel("Copy one into the library to adapt it for your group, or save a copy to edit in "
                               "Word.", wordWrap=True))
        right.addWidget(self.templates, 1)
        add_template = QPushButton("Add to &library")
        add_template.clicked.connect(self.add_template)
        save_template = QPushButton("Sa&ve template as…")
        save_template.clicked.connect(self.save_template)
        row = QHBoxLayout()
        row.addWidget(add_template)
        row.addWidget(save_template)
        right.addLayout(row)
        self.splitter = QSplitter()
        self.splitter.addWidget(library)
        self.splitter.addWidget(shipped)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(self.splitter)

    def install_window(self, window) -> None:  # noqa: ANN001 - the main window
        """Inside the main window, work runs on its task runner, so its busy indicator shows it too."""
        self.tasks = window.tasks
        self.tasks.busy_changed.connect(self._busy)

    def refresh(self) -> None:
        found = self.runner.call(files.list_resources, group_id=self.group_id, kind=self.kind.currentData() or None)
        self.table.keep_selection(lambda: self.model.set_rows(found))
        self.templates.clear()
        for template in templates.list_shipped_templates():
            item = QListWidgetItem(f"{template.title}\n{template.description}")
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            self.templates.addItem(item)
        if self.templates.count():
            self.templates.setCurrentRow(0)

    def _busy(self, label: str) -> None:
        self.busy.setVisible(bool(label))
        if label:
            self.status.setText(label)

    def _failed(self, title: str):  # noqa: ANN202 - an error callback
        """The status line says what failed too; the error itself is shown by ui.operations."""
        return lambda exc: self.status.setText(f"{title}: {exc}")

    # adding ------------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt API
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() and Path(u.toLocalFile()).is_file() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt API
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls()])
        event.acceptProposedAction()

    def new_record(self) -> None:
        """New (Ctrl+N) here adds files: a resource is a file."""
        self.choose_files()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Add files to the library")
        self.add_files([Path(n) for n in names])

    def _group_name(self) -> str | None:
        return self.runner.call(groups.get_group, self.group_id).name if self.group_id is not None else None

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            dialog = ResourceDialog(path, group_name=self._group_name(), parent=self)
            if run_modal(dialog) != QDialog.DialogCode.Accepted:
                continue
            values = dialog.values()
            group_id = None if values.pop("shared") else self.group_id

            def store(path=path, values=values, group_id=group_id):  # noqa: ANN001, ANN202 - worker code
                filename, data = files.read_source(path)
                return self.runner.call(files.add_resource, filename=filename, data=data, group_id=group_id, **values)

            self.ops.start(store, tasks=self.tasks, label=f"Adding {path.name}…", title="Not added",
                           kinds="resource", done=self._added, failed=self._failed("Not added"))

    def _added(self, resource) -> None:  # noqa: ANN001 - a ResourceDTO
        self.status.setText(f"Added “{resource.title}” ({resource.filename}).")
        self.table.select_id(resource.id)

    def add_template(self) -> None:
        item = self.templates.currentItem()
        if item is None:
            return
        added = self.ops.change("Not added", "resource", templates.add_template_to_library,
                                name=item.data(Qt.ItemDataRole.UserRole), group_id=self.group_id)
        if added:
            self._added(added.value)

    # reading out -------------------------------------------------------------------------------------------
    def open_resource(self) -> None:
        resource = self.table.current_dto()
        if resource is None:
            return
        folder = self.open_dir / str(resource.id)

        def fetch() -> Path:
            filename, data = self.runner.call(files.read_resource, resource.id)
            folder.mkdir(parents=True, exist_ok=True)
            return write_atomically(folder / filename, data)

        self.ops.start(fetch, tasks=self.tasks, label=f"Opening {resource.filename}…", title="Cannot open",
                       done=self._opened, failed=self._failed("Cannot open"))

    def _opened(self, path: Path) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.status.setText(f"Opened {path.name}. Changes made there are not saved back: add the edited "
                                "file to the library again.")
        else:
            self.status.setText(f"No program is set up to open {path.name}; use “Save a copy as…”.")

    def save_copy(self) -> None:
        resource = self.table.current_dto()
        if resource is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, "Save a copy as", resource.filename)
        if not target:
            return

        def copy() -> Path:
            return write_atomically(Path(target), self.runner.call(files.read_resource, resource.id)[1])

        self.ops.start(copy, tasks=self.tasks, label=f"Saving {Path(target).name}…", title="Not saved",
                       done=lambda path: self.status.setText(f"Saved a copy as {path}."),
                       failed=self._failed("Not saved"))

    def save_template(self) -> None:
        item = self.templates.currentItem()
        if item is None:
            return
        template = templates.shipped_template(item.data(Qt.ItemDataRole.UserRole))
        target, _ = QFileDialog.getSaveFileName(self, "Save the template as", template.name,
                                                "Word documents (*.docx)")
        if not target:
            return
        try:
            write_atomically(Path(target), template.path.read_bytes())
        except ExportError as exc:
            self._failed("Not saved")(exc)
            self.ops.report("Not saved", exc)
            return
        self.status.setText(f"Saved a copy as {target}.")

    def deletion(self, resource) -> Deletion:  # noqa: ANN001 - a ResourceDTO
        shared = " It is shared by every group, so it disappears from all their libraries." \
            if resource.group_id is None else ""
        return Deletion(f"“{resource.title}” ({resource.filename})",
                        f"The stored copy of the file is removed from the library.{shared}", files.delete_resource)

    def reset_filters(self) -> None:
        self.kind.setCurrentIndex(0)

    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        settings.setValue("resources/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        super().restore_state(settings)
        if settings.value("resources/splitter") is not None:
            self.splitter.restoreState(settings.value("resources/splitter"))
