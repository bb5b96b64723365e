"""Before saving text with possible patient identifiers: redact them, keep them with a recorded reason, or cancel."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from interface_desktop.privacy import KIND_LABELS, MARKERS
from interface_desktop.services.identifiers import guard as privacy_guard
from interface_desktop.services.identifiers.guard import RecordFinding
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.widgets.feedback import error_label
from interface_desktop.ui.widgets.modal import run_modal

REDACT, KEEP, CANCEL = "redact", "keep", "cancel"
CONTEXT_CHARS = 25


@dataclass
class Decision:
    """What to store: the texts (redacted when chosen) and the findings kept, with the reason to record."""

    texts: dict[str, str]
    kept: list[RecordFinding] = field(default_factory=list)
    reason: str = ""

    def record(self, session, entity_id: int) -> None:  # noqa: ANN001 - a Session, inside the caller's save
        for f in self.kept:
            privacy_guard.accept_finding(session, entity=f.entity, entity_id=entity_id, field=f.field, text=f.text,
                                         kind=f.kind, reason=self.reason)


def _kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind, kind)
    return label[:1].upper() + label[1:]


def _context(text: str, finding: RecordFinding) -> str:
    before = text[max(0, finding.start - CONTEXT_CHARS):finding.start]
    after = text[finding.end:finding.end + CONTEXT_CHARS]
    return " ".join(f"…{before}[{finding.text}]{after}…".split())


class PrivacyPrompt(QDialog):
    """`choice` is REDACT, KEEP (with `reason`) or CANCEL once the dialog closes."""

    def __init__(self, findings: list[RecordFinding], texts: dict[str, str], labels: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Possible patient identifiers")
        self.choice, self.reason = CANCEL, ""
        count = len(findings)
        intro = QLabel(f"<b>This text seems to contain {count} patient identifier{'s' if count != 1 else ''}.</b><br>"
                       "Issues, SEAs, minutes, actions and activities describe roles and organisations, "
                       "never patients. "
                       "Remove them before saving, or say why they must stay (the reason is recorded).")
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Possible identifiers")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["Field", "Looks like", "Redacted as", "Where"])
        for f in findings:
            row = QTreeWidgetItem([labels.get(f.field, f.field), _kind_label(f.kind), MARKERS[f.kind],
                                   _context(texts.get(f.field, ""), f)])
            row.setToolTip(3, row.text(3))
            self.list.addTopLevelItem(row)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("Reason for keeping them")
        self.reason_edit.setPlaceholderText("Why must they stay? e.g. it is a practice's phone number, not a patient's")
        self.reason_edit.setVisible(False)
        self.reason_error = error_label()
        buttons = QDialogButtonBox()
        self.redact_button = buttons.addButton("&Redact and save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton("&Keep and record reason…", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.redact_button.setDefault(True)
        self.redact_button.clicked.connect(lambda: self._close_with(REDACT))
        self.keep_button.clicked.connect(self._keep)
        self.cancel_button.clicked.connect(self.reject)
        column = QVBoxLayout(self)
        for widget in (intro, self.list, self.reason_edit, self.reason_error, buttons):
            column.addWidget(widget, 1 if widget is self.list else 0)
        self.resize(760, 300)

    def _keep(self) -> None:
        """First click asks for the reason; the next one keeps, once a reason is given."""
        if self.reason_edit.isHidden():
            self.reason_edit.setVisible(True)
            self.keep_button.setText("&Keep with this reason")
            self.reason_edit.setFocus()
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            self.reason_error.setText("⚠ Say why these identifiers must stay in the record.")
            self.reason_error.setVisible(True)
            self.reason_edit.setFocus()
            return
        self.reason = reason
        self._close_with(KEEP)

    def _close_with(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def check_before_save(parent: QWidget, runner: ServiceRunner, entity: str, entity_id: int | None,
                      texts: dict[str, str], labels: dict[str, str]) -> Decision | None:
    """None when the user cancelled; otherwise what to store. No findings: the texts as they are."""
    findings = runner.call(privacy_guard.unresolved_in_texts, entity=entity, entity_id=entity_id, texts=texts)
    if not findings:
        return Decision(texts)
    prompt = PrivacyPrompt(findings, texts, labels, parent)
    run_modal(prompt)
    if prompt.choice == REDACT:
        return Decision(runner.call(privacy_guard.redact_texts, entity=entity, entity_id=entity_id, texts=texts))
    if prompt.choice == KEEP:
        return Decision(texts, findings, prompt.reason)
    return None
