"""Marks possible patient identifiers as the user types: underlined in the text, named in a tooltip and a note."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QToolTip

from interface_desktop.privacy import KIND_LABELS, find_identifiers

NOTE_DELAY_MS = 400  # the note under the field follows typing after a pause; the marks follow every key
ASK_ON_SAVE = ("Patient identifiers must not be kept here: you will be asked to remove them or say why they stay "
               "when you save.")


def looks_like(kind: str) -> str:
    label = KIND_LABELS.get(kind, kind)
    article = "an" if label.startswith(("NHS", "a", "e", "i", "o", "u")) else "a"
    return f"Looks like {article} {label}"


def finding_format() -> QTextCharFormat:
    """A red wavy underline (as spelling mistakes are shown) on a pale red ground, readable in any theme."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor("#c00000"))
    fmt.setBackground(QColor(255, 0, 0, 40))
    return fmt


class PrivacyHighlighter(QSyntaxHighlighter):
    """Works one paragraph (block) at a time, so typing in a long text re-checks only the paragraph typed in."""

    def __init__(self, document: QTextDocument, *, names: bool = True):
        super().__init__(document)
        self.names = names
        self.format = finding_format()

    def highlightBlock(self, text: str) -> None:  # Qt API
        for finding in find_identifiers(text, names=self.names):
            self.setFormat(finding.start, finding.end - finding.start, self.format)


class PrivacyWatch(QObject):
    """Highlighter, tooltip and a note ("⚠ Looks like a CHI number") for one text editor."""

    checked = Signal(int)  # how many findings the note now names

    def __init__(self, editor: QPlainTextEdit | QTextEdit, *, names: bool = True, advice: str = ASK_ON_SAVE):
        super().__init__(editor)
        self.editor, self.names, self.advice = editor, names, advice
        self.highlighter = PrivacyHighlighter(editor.document(), names=names)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("privacyNote")
        self.note.setAccessibleName(f"{editor.accessibleName() or 'Text'}: possible patient identifiers")
        self.note.setVisible(False)
        self.timer = QTimer(self, singleShot=True, interval=NOTE_DELAY_MS)
        self.timer.timeout.connect(self.update_note)
        editor.textChanged.connect(self.timer.start)
        editor.viewport().installEventFilter(self)
        self.update_note()

    def kinds(self) -> Counter[str]:
        return Counter(f.kind for f in find_identifiers(self.editor.toPlainText(), names=self.names))

    def update_note(self) -> None:
        self.timer.stop()
        found = self.kinds()
        parts = [looks_like(kind) + (f" ({count})" if count > 1 else "") for kind, count in found.items()]
        self.note.setText("⚠ " + "; ".join(parts) + ". " + self.advice if found else "")
        self.note.setVisible(bool(found))
        self.checked.emit(sum(found.values()))

    def finding_at(self, position: int):  # noqa: ANN201 - a privacy Finding or None
        block = self.editor.document().findBlock(position)
        offset = position - block.position()
        return next((f for f in find_identifiers(block.text(), names=self.names) if f.start <= offset < f.end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            finding = self.finding_at(self.editor.cursorForPosition(event.pos()).position())
            if finding is not None:
                QToolTip.showText(event.globalPos(), f"{looks_like(finding.kind)}: {finding.text}", self.editor)
                return True
            QToolTip.hideText()
        return False


def watch(editor: QPlainTextEdit | QTextEdit, *, names: bool = True, advice: str = ASK_ON_SAVE) -> PrivacyWatch:
    """Attach the highlighter to an editor; place `watch(...).note` under it."""
    return PrivacyWatch(editor, names=names, advice=advice)
