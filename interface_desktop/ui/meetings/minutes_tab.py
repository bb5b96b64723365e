"""Live minute taking: per agenda item discussion and decisions, inline actions, autosave as you type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from interface_desktop.services.actions import actions
from interface_desktop.services.meetings import agenda
from interface_desktop.services.actions.actions import ActionDTO, ActionFilter
from interface_desktop.services.meetings.agenda import AgendaItemDTO
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.services.people.people import PersonChoice
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui import settings as prefs
from interface_desktop.ui.widgets.forms import uk_date
from interface_desktop.ui.meetings.autosave import MinutesAutosaver
from interface_desktop.ui.meetings.inline_action import InlineActionBar
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.safety.privacy_highlighter import watch
from interface_desktop.ui.safety.privacy_prompt import check_before_save
from interface_desktop.ui.widgets.rag import rag_icon
from interface_desktop.ui.widgets.record_tree import RecordTree
from interface_desktop.ui.signals import AppSignals
from interface_desktop.vocab import ACTION_OPEN_STATUSES

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
# Minutes save as they are typed, so identifiers are reviewed on request rather than by a prompt mid-meeting.
REVIEW_ADVICE = "Choose Review… to remove it or record why it stays; exports will ask about it otherwise."


class MinutesTab(QWidget):
    def __init__(self, runner: ServiceRunner, signals: AppSignals, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.signals = signals
        self.ops = Operations(runner, self, signals=signals)
        self.meeting: MeetingDTO | None = None
        self.items: list[AgendaItemDTO] = []
        self.current: AgendaItemDTO | None = None
        self._loading = False
        self.autosaver = MinutesAutosaver(runner, self)
        self.autosaver.saved.connect(lambda: self.ops.announce("agenda"))
        self.autosaver.journal_failed.connect(signals.status_message)
        self.item_list = QListWidget()
        self.item_list.setAccessibleName("Agenda items")
        self.item_list.setWordWrap(True)
        self.item_list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 26)
        self.item_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item_list.currentRowChanged.connect(self._item_chosen)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.discussion = self._editor("Discussion", "What was discussed…")
        self.decisions = self._editor("Decisions", "What was decided (one per line)…")
        self.actions_tree = RecordTree(["Action", "Owner", "Due", "Status"], "Actions from this item")
        self.actions_tree.record_activated.connect(signals.open_record)
        self.inline = InlineActionBar()
        self.inline.hide()
        self.inline.submitted.connect(self._add_action)
        self.inline.closed.connect(self.discussion.setFocus)
        self.inline_ops = self.ops.part(self, self._action_refused)
        self.privacy = {name: watch(edit, names=False, advice=REVIEW_ADVICE)
                        for name, edit in (("discussion", self.discussion), ("decisions", self.decisions))}
        self.review_button = QPushButton("&Review…")
        self.review_button.setToolTip("Redact the possible patient identifiers, or keep them with a reason")
        self.review_button.clicked.connect(self.review_identifiers)
        self.review_button.setVisible(False)
        for found in self.privacy.values():
            found.checked.connect(self._privacy_checked)
        self.save_state_label = QLabel()
        self.save_state_label.setAccessibleName("Save status")
        self.review_ops = self.ops.part(self, lambda _, exc: self.save_state_label.setText(f"⚠ Not saved: {exc}"))
        self.autosaver.state_changed.connect(self.save_state_label.setText)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.item_list)
        self.splitter.addWidget(self._right_pane())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 700])
        QVBoxLayout(self).addWidget(self.splitter)
        self._install_shortcuts()

    def _install_shortcuts(self) -> None:
        self._shortcut(QKeySequence("Ctrl+Return"), lambda: self.step(1), "next agenda item")
        self._shortcut(QKeySequence("Ctrl+Enter"), lambda: self.step(1), "next agenda item")
        self._shortcut(QKeySequence("Ctrl+Shift+Return"), lambda: self.step(-1), "previous agenda item")
        self._shortcut(QKeySequence("Ctrl+Shift+A"), self.open_inline_action,
                       "add an action (description, owner, due date; Enter adds it)")

    def _editor(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(self._typed)
        edit.installEventFilter(self)
        return edit

    def _right_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        for caption, widget, stretch in (("&Discussion", self.discussion, 3), ("D&ecisions", self.decisions, 1)):
            label = QLabel(caption)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget, stretch)
        self.actions_label = QLabel()
        layout.addWidget(self.actions_label)
        layout.addWidget(self.actions_tree, 1)
        layout.addWidget(self.inline)
        notes = QHBoxLayout()
        column = QVBoxLayout()
        for found in self.privacy.values():
            column.addWidget(found.note)
        notes.addLayout(column, 1)
        notes.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(notes)
        layout.addWidget(self.save_state_label)
        return pane

    def _shortcut(self, keys: QKeySequence, slot, what: str) -> None:  # noqa: ANN001 - a callable
        shortcut = QShortcut(keys, self)
        shortcut.setWhatsThis(f"Minutes: {what}")
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- loading --------------------------------------------------------------------------------
    def set_meeting(self, meeting: MeetingDTO, people: list[PersonChoice]) -> None:
        self.flush()
        same = self.meeting is not None and self.meeting.id == meeting.id
        self.meeting = meeting
        self.inline.set_people(people)
        keep = self.current.id if same and self.current else None
        self.reload(keep)
        for edit in (self.discussion, self.decisions):
            edit.setReadOnly(meeting.locked)
        self.inline.setEnabled(not meeting.locked)
        if meeting.locked:
            self.inline.hide()
            self.save_state_label.setText("Approved minutes are read-only.")
        else:
            self.save_state_label.setText("Minutes save themselves as you type · Ctrl+Enter: next item · "
                                          "Ctrl+Shift+A: add an action")

    def reload(self, keep_item: int | None = None) -> None:
        assert self.meeting is not None
        self.items = self.runner.call(agenda.list_agenda, self.meeting.id)
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for item in self.items:
            row = QListWidgetItem(f"{item.starts_at:%H:%M}  {item.number}. {item.title}")
            row.setToolTip(f"{item.starts_at:%H:%M}, {item.minutes_allotted} min")
            row.setData(ITEM_ROLE, item.id)
            self.item_list.addItem(row)
        self.item_list.blockSignals(False)
        index = next((n for n, i in enumerate(self.items) if i.id == keep_item), 0)
        self.current = None
        self.item_list.setCurrentRow(index if self.items else -1)
        if not self.items:
            self._show_item(None)

    def _item_chosen(self, row: int) -> None:
        self.flush()
        self._show_item(self.items[row] if 0 <= row < len(self.items) else None)

    def _show_item(self, item: AgendaItemDTO | None) -> None:
        if item is not None:
            item = self.runner.call(agenda.get_agenda_item, item.id)  # fresh text, e.g. after another save
        self.current = item
        self._loading = True
        self.discussion.setPlainText(item.discussion if item else "")
        self.decisions.setPlainText(item.decisions if item else "")
        self._loading = False
        enabled = item is not None
        for widget in (self.discussion, self.decisions):
            widget.setEnabled(enabled)
        if item is None:
            self.heading.setText("This meeting has no agenda yet: add items on the Agenda tab.")
            self.actions_tree.clear()
            return
        presenter = f" · {item.presenter_name}" if item.presenter_name else ""
        self.heading.setText(f"{item.number}. {item.title}  ({item.starts_at:%H:%M}, {item.minutes_allotted} min"
                             f"{presenter})")
        self._show_actions()

    def _show_actions(self) -> None:
        self.actions_tree.clear()
        if self.current is None or self.meeting is None:
            return
        if self.current.kind == "standing" and "action log" in self.current.title.lower():
            rows = self._carried_actions()
            self.actions_label.setText(f"Open actions brought to this meeting ({len(rows)}); Enter opens one to "
                                       "record progress:")
        else:
            rows = [a for a in self.runner.call(actions.list_actions, ActionFilter(meeting_id=self.meeting.id))
                    if a.agenda_item_id == self.current.id]
            self.actions_label.setText("Actions from this item (Ctrl+Shift+A adds one):")
        for a in rows:
            carried = f" (carried forward {a.carried_forward}×)" if a.carried_forward else ""
            self.actions_tree.add([a.description + carried, a.owner_name, uk_date(a.due_on), a.rag_label], "action",
                                  a.id, icon=rag_icon(a.rag))
        if not rows:
            self.actions_tree.add_note("None yet")

    def _carried_actions(self) -> list[ActionDTO]:
        """The action log reviewed under "Matters arising": the group's open actions from earlier meetings."""
        assert self.meeting is not None
        flt = ActionFilter(group_id=self.meeting.group_id, status=ACTION_OPEN_STATUSES)
        start = self.meeting.starts_at.date()
        return [a for a in self.runner.call(actions.list_actions, flt)
                if a.meeting_id != self.meeting.id and (a.meeting_date is None or a.meeting_date < start)]

    # -- typing ---------------------------------------------------------------------------------
    def _typed(self) -> None:
        if self._loading or self.current is None or (self.meeting and self.meeting.locked):
            return
        if not (self.discussion.document().isModified() or self.decisions.document().isModified()):
            return  # the identifier highlighter re-lays out loaded text: nothing was typed
        self.autosaver.note(self.current.id, self.discussion.toPlainText(), self.decisions.toPlainText())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and obj in (self.discussion, self.decisions):
            self.flush()
        return super().eventFilter(obj, event)

    def flush(self) -> bool:
        return self.autosaver.flush()

    def step(self, delta: int) -> None:
        """Ctrl+Enter: on to the next item, ready to type."""
        row = self.item_list.currentRow() + delta
        if 0 <= row < self.item_list.count():
            self.item_list.setCurrentRow(row)
        self.discussion.setFocus()

    def select_item(self, item_id: int) -> bool:
        row = next((n for n, i in enumerate(self.items) if i.id == item_id), -1)
        if row >= 0:
            self.item_list.setCurrentRow(row)
        return row >= 0

    # -- patient identifiers ----------------------------------------------------------------------
    def _privacy_checked(self, _count: int) -> None:
        self.review_button.setVisible(any(not found.note.isHidden() for found in self.privacy.values()))

    def review_identifiers(self) -> None:
        """The privacy prompt for the item shown: redact what it found, or record why it stays."""
        if self.current is None or (self.meeting and self.meeting.locked) or not self.flush():
            return
        texts = {"discussion": self.discussion.toPlainText(), "decisions": self.decisions.toPlainText()}
        decision = check_before_save(self, self.runner, "agenda_item", self.current.id, texts,
                                     {"discussion": "Discussion", "decisions": "Decisions"})
        if decision is None:
            return
        if decision.kept:
            stored = self.review_ops.change("Review", "agenda", decision.record, self.current.id)
        elif decision.texts != texts:
            stored = self.review_ops.change("Review", "agenda", agenda.save_minutes, item_id=self.current.id,
                                            **decision.texts)
        else:
            return  # nothing was found after all: the text stays as it is
        if not stored:
            return
        self._loading = True
        self.discussion.setPlainText(decision.texts["discussion"])
        self.decisions.setPlainText(decision.texts["decisions"])
        self._loading = False

    # -- actions --------------------------------------------------------------------------------
    def open_inline_action(self) -> None:
        if self.current is not None and self.meeting is not None and not self.meeting.locked:
            self.inline.open_bar()

    def _add_action(self, description: str, owner_id: int, due: date | None) -> None:
        if self.current is None:
            return
        self.flush()
        if not self.inline_ops.change("Add action", "action", actions.add_action, description=description,
                                      agenda_item_id=self.current.id, owner_id=owner_id or None, due_on=due):
            return
        self.signals.status_message.emit(f"Action added: {description.strip()}")
        self.inline.reset()
        self._show_actions()

    def _action_refused(self, _title: str, exc: Exception) -> None:
        """In the bar itself, with the service's field names in the bar's words."""
        self.inline.show_error(str(exc).replace("description:", "Action:").replace("due_on:", "Due:"))

    def save_state(self, settings: QSettings) -> None:
        prefs.set_value(prefs.MINUTES_SPLITTER, self.splitter.saveState(), settings)

    def restore_state(self, settings: QSettings) -> None:
        self.splitter.restoreState(prefs.value(prefs.MINUTES_SPLITTER, settings))
