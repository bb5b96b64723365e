"""The activity editor's feedback: scores from 1 to 5 with comments, and their average."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QWidget,
)

from interface_desktop.services.activities import activities
from interface_desktop.services.activities.activities import ActivityDTO
from interface_desktop.ui.operations import Operations
from interface_desktop.ui.widgets.feedback import error_label, shown_in
from interface_desktop.ui.widgets.forms import fill_combo
from interface_desktop.vocab import SECTOR_LABELS


class FeedbackPanel(QWidget):
    changed = Signal(object)  # the updated ActivityDTO

    def __init__(self, ops: Operations, parent: QWidget | None = None):
        """`ops`: the activity editor's; a refusal shows under the inputs here."""
        super().__init__(parent)
        self.activity: ActivityDTO | None = None
        self.average = QLabel()
        self.average.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Score", "From", "Comment"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 70)
        self.table.setColumnWidth(1, 140)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Feedback received")
        self.score = QSpinBox(minimum=1, maximum=5, value=4)
        self.score.setAccessibleName("Score from 1 (poor) to 5 (excellent)")
        self.sector = QComboBox()
        self.sector.setAccessibleName("Respondent's sector")
        fill_combo(self.sector, [("Sector not given", "")] + [(v, k) for k, v in SECTOR_LABELS.items()])
        self.comment = QLineEdit(placeholderText="Comment (optional)")
        self.comment.setAccessibleName("Comment")
        self.add = QPushButton("Add &feedback")
        self.remove = QPushButton("Remo&ve feedback")
        self.error = error_label()
        self.ops = ops.part(self, shown_in(self.error))
        self.add.clicked.connect(self.add_feedback)
        self.comment.returnPressed.connect(self.add_feedback)
        self.remove.clicked.connect(self.remove_feedback)
        grid = QGridLayout(self)
        grid.addWidget(self.average, 0, 0, 1, 4)
        grid.addWidget(self.table, 1, 0, 1, 4)
        grid.addWidget(QLabel("Score (1-5):"), 2, 0)
        grid.addWidget(self.score, 2, 1)
        grid.addWidget(self.sector, 2, 2)
        grid.addWidget(self.comment, 3, 0, 1, 3)
        grid.addWidget(self.add, 3, 3)
        grid.addWidget(self.error, 4, 0, 1, 4)
        grid.addWidget(self.remove, 5, 3)
        grid.setColumnStretch(2, 1)

    def show_activity(self, activity: ActivityDTO | None) -> None:
        self.activity = activity
        self.setEnabled(activity is not None)
        if activity is None:
            self.average.setText("Apply or save the activity first.")
            return
        if activity.average_score is None:
            self.average.setText("No feedback yet.")
        else:
            self.average.setText(f"Average score {activity.average_score:.1f} out of 5 "
                                 f"from {len(activity.feedback)} response(s)")
        self.table.setRowCount(len(activity.feedback))
        for row, f in enumerate(activity.feedback):
            for column, text in enumerate((f"{f.score} / 5", SECTOR_LABELS.get(f.sector or "", ""), f.comment)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def add_feedback(self) -> None:
        if self.activity is None:
            return
        added = self.ops.change("Add feedback", "activity", activities.add_feedback, activity_id=self.activity.id,
                                score=self.score.value(), comment=self.comment.text(),
                                sector=self.sector.currentData() or None)
        if not added:
            return
        self.error.setVisible(False)
        self.comment.clear()
        self.show_activity(added.value)
        self.changed.emit(added.value)

    def remove_feedback(self) -> None:
        row = self.table.currentRow()
        if self.activity is None or not 0 <= row < len(self.activity.feedback):
            return
        removed = self.ops.change("Remove feedback", "activity", activities.remove_feedback,
                                  feedback_id=self.activity.feedback[row].id)
        if removed:
            self.show_activity(removed.value)
            self.changed.emit(removed.value)
