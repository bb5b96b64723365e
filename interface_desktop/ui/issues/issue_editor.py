"""Add or edit an interface issue: its fields, its Significant Event Analysis, links, and status history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget,
)

from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.people import lookups
from interface_desktop.services.core.errors import ValidationError
from interface_desktop.services.issues.issues import IssueDTO
from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.issues.issue_links_panel import IssueLinksPanel
from interface_desktop.ui.issues.issue_status_panel import IssueStatusPanel
from interface_desktop.ui.widgets.record_dialog import FieldForm, RecordDialog
from interface_desktop.ui.widgets.forms import (
    date_edit, date_value, fill_combo, scrolled, set_combo_data, set_date, text_box,
)
from interface_desktop.ui.safety.privacy_prompt import Decision, check_before_save
from interface_desktop.vocab import ISSUE_DIRECTION_LABELS, SEA_HARM_LABELS, SECTOR_LABELS, SEVERITY_LABELS

NES_HEADINGS = (("what_happened", "What &happened?"), ("why", "&Why did it happen?"),
                ("learned", "What has been &learned?"), ("changed", "What has been &changed?"))
RISK_GRADES = ("1 - very low", "2 - low", "3 - moderate", "4 - high", "5 - very high")
NARRATIVE = ("description", "impact", "resolution", "learning")
SEA_TEXT = ("what_happened", "why", "learned", "changed", "impact", "contributory_factors", "learning_needs",
            "participants", "facilitator")


class IssueEditor(RecordDialog):
    def __init__(self, runner: ServiceRunner, issue: IssueDTO | None = None, *, group_id: int | None = None,
                 open_record: Callable[[str, int], None] | None = None, parent: QWidget | None = None):
        super().__init__(f"Interface issue {issue.reference}" if issue else "New interface issue", parent,
                         apply=True, runner=runner)
        self.issue = issue
        self.saved: IssueDTO | None = None
        self.form = self.track(self._issue_form(group_id))
        self.sea_form = self.track(self._sea_form())
        self.links = IssueLinksPanel(self.ops, open_record or (lambda kind, record_id: None))
        self.status = IssueStatusPanel(self.ops)
        self.status.changed.connect(self._status_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self.form), "&Issue")
        sea_page = QWidget()
        sea_column = QVBoxLayout(sea_page)
        sea_column.addWidget(self.has_sea)
        sea_column.addWidget(self.sea_form)
        self.tabs.addTab(scrolled(sea_page), "Significant &Event Analysis")
        self.tabs.addTab(self.links, "Lin&ks")
        self.tabs.addTab(self.status, "S&tatus and history")
        self.heading = QLabel(f"{issue.reference} · {issue.title}" if issue else "New interface issue")
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        self._load(issue)
        self.watch_identifiers(NARRATIVE + tuple("sea_" + name for name in SEA_TEXT), names=True)
        self.lay_out(self.heading, self.tabs, size=(820, 760))

    def record_key(self) -> tuple[str, int] | None:
        return ("issue", self.issue.id) if self.issue else None

    def _issue_form(self, group_id: int | None) -> FieldForm:
        form = FieldForm()
        self.reference = form.add("reference", "Reference:", QLabel("Given when first saved"))
        self.group = form.add("group_id", "&Group:", QComboBox())
        fill_combo(self.group, [(g.name, g.id) for g in self.runner.call(groups.list_groups)])
        set_combo_data(self.group, self.issue.group_id if self.issue else group_id)
        self.group.setEnabled(self.issue is None)
        self.title = form.add("title", "T&itle:", QLineEdit())
        self.raised_on = form.add("raised_on", "&Raised on:", date_edit())
        self.role = form.add("raised_by_role", "Raised by (r&ole):", QComboBox(editable=True))
        fill_combo(self.role, [(r.label, r.label) for r in self.runner.call(lookups.list_lookups, kind="person_role")])
        self.sector = form.add("raised_by_sector", "Raised by (&sector):", QComboBox())
        fill_combo(self.sector, [(label, code) for code, label in SECTOR_LABELS.items()])
        self.organisation = form.add("raised_by_organisation", "Raised by (or&ganisation):", QLineEdit())
        self.organisation.setPlaceholderText("Practice, department or service; never a patient")
        self.direction = form.add("direction", "&Direction:", QComboBox())
        fill_combo(self.direction, [(label, code) for code, label in ISSUE_DIRECTION_LABELS.items()])
        self.category = form.add("category", "&Category:", QComboBox())
        self.specialty = form.add("specialty", "S&pecialty:", QComboBox())
        self.severity = form.add("severity", "Se&verity:", QComboBox())
        fill_combo(self.severity, [(label, code) for code, label in SEVERITY_LABELS.items()])
        set_combo_data(self.severity, "moderate")
        for name, label in (("description", "Descri&ption:"), ("impact", "Im&pact:"),
                            ("resolution", "Resol&ution:"), ("learning", "Lear&ning:")):
            form.add(name, label, text_box())
        self.shared = form.add("shared", "Shared:", QCheckBox("Shared with practices (e.g. in the newsletter)"))
        self.group.currentIndexChanged.connect(self._load_lookups)
        self._load_lookups()
        return form

    def _load_lookups(self) -> None:
        group_id = self.group.currentData()
        cats = self.runner.call(lookups.list_lookups, kind="issue_category", group_id=group_id)
        specs = self.runner.call(lookups.list_lookups, kind="specialty", group_id=group_id)
        fill_combo(self.category, [(c.label, c.code) for c in cats])
        fill_combo(self.specialty, [("Not specific", "")] + [(s.label, s.code) for s in specs])

    def _sea_form(self) -> FieldForm:
        self.has_sea = QCheckBox("This issue has a Significant Event &Analysis (NES format)")
        form = FieldForm()
        form.add("sea_event_on", "Date of the e&vent:", date_edit(optional=True))
        form.add("sea_meeting_on", "Date of the SEA &meeting:", date_edit(optional=True))
        form.add("sea_participants", "Taking &part (roles):", text_box(2))
        form.add("sea_facilitator", "&Facilitator and author:", text_box(1))
        for name, label in NES_HEADINGS:
            form.add("sea_" + name, label, text_box(5))
        form.add("sea_impact", "Impact:", text_box(3))
        form.add("sea_contributory_factors", "Contributory factors:", text_box(3))
        form.add("sea_harm", "Grading (harm):", QComboBox())
        fill_combo(form.fields["sea_harm"], [("Not graded", "")] + [(v, k) for k, v in SEA_HARM_LABELS.items()])
        form.add("sea_risk_grade", "Risk grade (1-5):", QComboBox())
        fill_combo(form.fields["sea_risk_grade"], [("Not graded", 0)] + [(t, n) for n, t in enumerate(RISK_GRADES, 1)])
        form.add("sea_learning_needs", "Learning needs:", text_box(3))
        self.has_sea.toggled.connect(form.setEnabled)
        self.has_sea.toggled.connect(self.mark_dirty)
        form.setEnabled(False)
        return form

    def _text(self, name: str, form: FieldForm | None = None) -> QPlainTextEdit:
        widget = (form or self.form).fields[name]
        assert isinstance(widget, QPlainTextEdit)
        return widget

    def _load(self, issue: IssueDTO | None) -> None:
        self.links.show_issue(issue)
        self.status.show_issue(issue)
        if issue is None:
            return
        self.reference.setText(issue.reference)
        self.title.setText(issue.title)
        set_date(self.raised_on, issue.raised_on)
        self.role.setCurrentText(issue.raised_by_role)
        set_combo_data(self.sector, issue.raised_by_sector)
        self.organisation.setText(issue.raised_by_organisation)
        for combo, value in ((self.direction, issue.direction), (self.category, issue.category),
                             (self.specialty, issue.specialty), (self.severity, issue.severity)):
            set_combo_data(combo, value)
        for name in ("description", "impact", "resolution", "learning"):
            self._text(name).setPlainText(getattr(issue, name))
        self.shared.setChecked(issue.shared)
        self.has_sea.setChecked(issue.sea is not None)
        if issue.sea is not None:
            sea, fields = issue.sea, self.sea_form.fields
            set_date(fields["sea_event_on"], sea.event_on)
            set_date(fields["sea_meeting_on"], sea.meeting_on)
            for name in SEA_TEXT:
                self._text("sea_" + name, self.sea_form).setPlainText(getattr(sea, name))
            set_combo_data(fields["sea_harm"], sea.harm or "")
            set_combo_data(fields["sea_risk_grade"], sea.risk_grade or 0)

    def issue_fields(self) -> dict:
        fields = dict(title=self.title.text(), raised_on=date_value(self.raised_on),
                      raised_by_role=self.role.currentText(), raised_by_sector=self.sector.currentData(),
                      raised_by_organisation=self.organisation.text(), direction=self.direction.currentData(),
                      category=self.category.currentData(), specialty=self.specialty.currentData(),
                      severity=self.severity.currentData())
        fields.update({name: self._text(name).toPlainText() for name in ("description", "impact")})
        return fields

    def sea_fields(self) -> dict:
        fields = self.sea_form.fields
        values = {name: self._text("sea_" + name, self.sea_form).toPlainText() for name in SEA_TEXT}
        values.update(event_on=date_value(fields["sea_event_on"]), meeting_on=date_value(fields["sea_meeting_on"]),
                      harm=fields["sea_harm"].currentData() or None,
                      risk_grade=fields["sea_risk_grade"].currentData() or None)
        return values

    def checked_texts(self) -> dict[str, str]:
        """The free text checked for patient identifiers before saving, by field."""
        texts = {"title": self.title.text()}
        texts.update({name: self._text(name).toPlainText() for name in NARRATIVE})
        if self.has_sea.isChecked():
            texts.update({"sea_" + name: self._text("sea_" + name, self.sea_form).toPlainText() for name in SEA_TEXT})
        return texts

    def _field_widget(self, name: str) -> QWidget:
        return self.title if name == "title" else (self.sea_form if name.startswith("sea_") else self.form).fields[name]

    def save(self) -> bool:
        """Possible identifiers are asked about first; what the user typed stays in the form if anything fails."""
        texts = self.checked_texts()
        labels = {name: self._field_widget(name).accessibleName() for name in texts}
        decision = check_before_save(self, self.runner, "interface_issue", self.issue.id if self.issue else None,
                                     texts, labels)
        if decision is None:
            return False
        self.saved = self.ops.change("Save issue", "issue", self._store, decision).value
        if self.saved is None:
            return False
        self.issue = self.saved
        for name, text in decision.texts.items():  # show the redacted text that was stored
            widget = self._field_widget(name)
            if isinstance(widget, QLineEdit) and widget.text() != text:
                widget.setText(text)
            elif isinstance(widget, QPlainTextEdit) and widget.toPlainText() != text:
                widget.setPlainText(text)
        return True

    def _store(self, session, decision: Decision) -> IssueDTO:  # noqa: ANN001 - a Session
        """Issue, outcome, SEA and any identifiers kept with a reason are saved together or not at all."""
        texts = decision.texts
        fields = {name: texts.get(name, value) for name, value in self.issue_fields().items()}
        outcome = dict(resolution=texts["resolution"], learning=texts["learning"], shared=self.shared.isChecked())
        if self.issue is None:
            issue = issues.create_issue(session, group_id=self.group.currentData(), **fields)
        else:
            issue = issues.update_issue(session, self.issue.id, **fields)
        issue = issues.update_issue(session, issue.id, **outcome)
        if self.has_sea.isChecked():
            sea = {name: texts.get("sea_" + name, value) for name, value in self.sea_fields().items()}
            try:
                issue = issues.save_sea(session, issue.id, **sea)
            except ValidationError as exc:  # the SEA's fields are named "sea_…" on this form
                raise ValidationError({"sea_" + k: v for k, v in exc.errors.items()}) from exc
        elif issue.sea is not None:
            issue = issues.remove_sea(session, issue.id)
        decision.record(session, issue.id)
        return issue

    def after_apply(self) -> None:
        self.setWindowTitle(f"Interface issue {self.issue.reference}")
        self.heading.setText(f"{self.issue.reference} · {self.issue.title}")
        self.group.setEnabled(False)
        self.reference.setText(self.issue.reference)
        self.links.show_issue(self.issue)
        self.status.show_issue(self.issue)

    def _status_changed(self, issue: IssueDTO) -> None:
        self.issue = issue

    def show_errors(self, errors: dict[str, str]) -> None:
        on_issue = any(not key.startswith("sea_") for key in errors)
        self.tabs.setCurrentIndex(0 if on_issue else 1)
        super().show_errors(errors)
