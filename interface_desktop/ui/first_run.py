"""The first screen on an empty database: set up your group, or explore with example data."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from interface_desktop import APP_NAME
from interface_desktop.services.people import groups
from interface_desktop.services.people import lookups
from interface_desktop.services.people import people
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.feedback import FieldErrors
from interface_desktop.ui.tasks import TaskRunner
from interface_desktop.vocab import BOARDS, GROUP_ROLE_LABELS, SECTOR_LABELS

MEMBER_COLUMNS = ("Name", "Role", "Sector", "Organisation or department", "Group role")


class FirstRunPage(QWidget):
    """Emits `finished(group_id)` once there is a group to work with."""

    finished = Signal(int)

    def __init__(self, runner: ServiceRunner, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.tasks = tasks
        # Nothing to announce: the window refreshes every page once there is a group (finished).
        self.ops = Operations(runner, self, report=self._refused)
        self._storing = "group"  # the part of the set-up being stored, for a refusal to name
        self.errors = FieldErrors()
        self.roles = [(d.code, d.label) for d in runner.call(lookups.list_lookups, kind="person_role")]
        self.member_rows: list[tuple[QLineEdit, QComboBox, QComboBox, QLineEdit, QComboBox]] = []
        heading = QLabel(f"Welcome to {APP_NAME}")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel("Your data stays on this computer (or your shared drive). Start with your own group, "
                       "or look around a fully worked example first — you can add your group later.")
        intro.setWordWrap(True)
        columns = QHBoxLayout()
        columns.addWidget(self._setup_box(), 3)
        columns.addWidget(self._demo_box(), 2)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        self.name.setFocus()

    def _setup_box(self) -> QGroupBox:
        box = QGroupBox("Set up your group")
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Lothian Primary/Secondary Care Interface Group")
        self.name.setAccessibleName("Group name")
        self.board = QComboBox()
        self.board.setAccessibleName("Health Board")
        self.board.addItem("Choose your Health Board…", "")
        for code, label in BOARDS.items():
            self.board.addItem(label, code)
        self.hscp = QLineEdit()
        self.hscp.setAccessibleName("HSCP")
        self.hscp.setPlaceholderText("e.g. Edinburgh HSCP")
        form.addRow("Group &name:", self.name)
        form.addRow("", self.errors.label_for("name"))
        form.addRow("Health &Board:", self.board)
        form.addRow("", self.errors.label_for("board"))
        form.addRow("&HSCP:", self.hscp)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(self._members_section())
        return box

    def _members_section(self) -> QVBoxLayout:
        self.members_grid = QGridLayout()
        for column, header in enumerate(MEMBER_COLUMNS):
            label = QLabel(f"<b>{header}</b>")
            self.members_grid.addWidget(label, 0, column)
        self.members_grid.setColumnStretch(0, 3)
        self.members_grid.setColumnStretch(3, 3)
        for _ in range(4):
            self.add_member_row()
        self.members_error = QLabel()
        self.members_error.setWordWrap(True)
        self.members_error.hide()
        add_row = QPushButton("Add another &member")
        add_row.clicked.connect(self.add_member_row)
        self.create = QPushButton("&Create group")  # created last: tab order follows creation
        self.create.setDefault(True)
        self.create.clicked.connect(self.create_group)
        buttons = QHBoxLayout()
        buttons.addWidget(add_row)
        buttons.addStretch(1)
        buttons.addWidget(self.create)
        layout = QVBoxLayout()
        layout.addWidget(QLabel("First members (you can add more later in People):"))
        layout.addLayout(self.members_grid)
        layout.addWidget(self.members_error)
        layout.addLayout(buttons)
        return layout

    def add_member_row(self) -> None:
        n = len(self.member_rows) + 1
        name, organisation = QLineEdit(), QLineEdit()
        role, sector, group_role = QComboBox(), QComboBox(), QComboBox()
        for code, label in self.roles:
            role.addItem(label, code)
        for code, label in SECTOR_LABELS.items():
            sector.addItem(label, code)
        for code, label in GROUP_ROLE_LABELS.items():
            group_role.addItem(label, code)
        group_role.setCurrentIndex(group_role.findData("lead" if n == 1 else "member"))
        role.currentIndexChanged.connect(lambda _=0, r=role, s=sector: self._guess_sector(r, s))
        widgets = (name, role, sector, organisation, group_role)
        for column, widget in enumerate(widgets):
            widget.setAccessibleName(f"Member {n} {MEMBER_COLUMNS[column].lower()}")
            self.members_grid.addWidget(widget, n, column)
        if n == 1:
            name.setPlaceholderText("e.g. Dr Ann Smith")
        self.member_rows.append(widgets)  # type: ignore[arg-type]
        if self.members_grid.parentWidget() is not None:
            # Rows added later were created after the buttons: put them straight after the previous row.
            chain = [self.member_rows[-2][-1], *widgets]
            for first, second in zip(chain, chain[1:]):
                QWidget.setTabOrder(first, second)

    @staticmethod
    def _guess_sector(role: QComboBox, sector: QComboBox) -> None:
        guess = {"gp": "primary", "practice_manager": "primary", "consultant": "secondary"}.get(role.currentData())
        if guess:
            sector.setCurrentIndex(sector.findData(guess))

    def _demo_box(self) -> QGroupBox:
        box = QGroupBox("Explore with example data")
        text = QLabel("Loads a worked example: two Interface Groups with members, a year of meetings with "
                      "agendas and minutes, an action log, interface issues with SEAs and shadowing activities. "
                      "Everything in it is fictional.")
        text.setWordWrap(True)
        self.demo = QPushButton("&Explore with example data")
        self.demo.clicked.connect(self.load_demo)
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return box

    def _members(self) -> list[dict]:
        rows = []
        for n, (name, role, sector, organisation, group_role) in enumerate(self.member_rows, 1):
            if name.text().strip():
                rows.append({"n": n, "name": name.text(), "role": role.currentData(), "sector": sector.currentData(),
                             "organisation": organisation.text(), "group_role": group_role.currentData()})
        return rows

    def create_group(self) -> None:
        self.errors.clear()
        self.members_error.hide()
        created = self.ops.change("Set up your group", (), self._store, self._members())
        if created:
            self.finished.emit(created.value)

    def _store(self, session, members: list[dict]) -> int:  # noqa: ANN001 - a Session
        """The group and its members are stored together or not at all."""
        self._storing = "group"
        group = groups.create_group(session, name=self.name.text(), board=self.board.currentData(),
                                    hscp=self.hscp.text())
        for row in members:
            self._storing = f"Member {row['n']}"
            person = people.create_person(session, name=row["name"], role=row["role"], sector=row["sector"],
                                          organisation=row["organisation"])
            people.set_membership(session, group_id=group.id, person_id=person.id, group_role=row["group_role"])
        return group.id

    def _refused(self, title: str, exc: Exception) -> None:
        if self._storing == "group" or not isinstance(exc, ValidationError):
            self.errors.report(self, title, exc)
            return
        self.members_error.setText("⚠ " + self._storing + ": " + "; ".join(exc.errors.values()))
        self.members_error.show()

    def load_demo(self) -> None:
        self.demo.setEnabled(False)
        self.create.setEnabled(False)
        demo = importlib.import_module("interface_desktop.demo.example")
        self.ops.start(lambda: self.runner.call(demo.load_demo), tasks=self.tasks, label="Loading example data…",
                       title="Example data", done=self._demo_loaded, failed=self._demo_failed)

    def _demo_loaded(self, _result: object) -> None:
        loaded = self.runner.call(groups.list_groups)
        self.finished.emit(loaded[0].id if len(loaded) == 1 else 0)

    def _demo_failed(self, _exc: Exception) -> None:
        self.demo.setEnabled(True)
        self.create.setEnabled(True)
