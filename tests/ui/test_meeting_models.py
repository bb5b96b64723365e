"""The meeting editor's Qt models, tested without widgets."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Qt

from interface_desktop.services.meetings.agenda import AgendaItemDTO
from interface_desktop.services.meetings.attendance import AttendanceDTO
from interface_desktop.services.documents.files import PaperDTO
from interface_desktop.services.meetings.meetings import MeetingDTO
from interface_desktop.ui.meetings.agenda_model import (
    COL_MINUTES, COL_NUMBER, COL_PRESENTER, COL_START, COL_TITLE, AgendaModel,
)
from interface_desktop.ui.meetings.attendance_model import COL_DECLARATION, COL_NAME, COL_STATUS, AttendanceModel
from interface_desktop.ui.meetings.meetings_model import COL_DATE, COL_MINUTES as COL_MINUTES_STATUS, MeetingsModel
from interface_desktop.ui.meetings.papers_model import COL_ITEM, COL_SIZE, PapersModel, human_size

EDIT = Qt.ItemDataRole.EditRole


def item(n: int, title: str, minutes: int = 10, presenter: int | None = None) -> AgendaItemDTO:
    return AgendaItemDTO(id=100 + n, meeting_id=1, position=n - 1, number=n, title=title, presenter_id=presenter,
                         presenter_name="Dr Bob Jones" if presenter else "", minutes_allotted=minutes,
                         kind="discussion",
                         discussion="", decisions="", issue_id=None, issue_reference="",
                         starts_at=datetime(2026, 12, 2, 14, 0 + 10 * (n - 1)))


def agenda_model(qapp) -> AgendaModel:
    model = AgendaModel()
    model.set_rows([item(1, "Welcome"), item(2, "Referrals"), item(3, "AOB")])
    return model


def test_agenda_model_shows_numbers_and_running_times(qapp):
    model = agenda_model(qapp)
    assert model.index(1, COL_NUMBER).data() == "2"
    assert model.index(1, COL_START).data() == "14:10"
    assert model.index(1, COL_TITLE).data() == "Referrals"


def test_agenda_model_turns_edits_into_requests_and_ignores_no_change(qapp):
    model = agenda_model(qapp)
    requests = []
    model.edit_requested.connect(lambda *args: requests.append(args))
    assert model.setData(model.index(1, COL_MINUTES), 25)
    assert not model.setData(model.index(1, COL_MINUTES), 10)  # unchanged
    assert model.setData(model.index(1, COL_PRESENTER), 7)
    assert model.index(1, COL_PRESENTER).data(EDIT) == 0  # no presenter is 0 for the chooser
    assert requests == [(102, "minutes_allotted", 25), (102, "presenter_id", 7)]


def test_agenda_model_drag_and_drop_requests_a_move(qapp):
    model = agenda_model(qapp)
    moves = []
    model.move_requested.connect(lambda *args: moves.append(args))
    data = model.mimeData([model.index(0, COL_TITLE)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # below the last row
    data = model.mimeData([model.index(2, COL_TITLE)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())  # above the first row
    assert moves == [(101, 2), (103, 0)]


def test_locked_agenda_is_neither_editable_nor_draggable(qapp):
    model = agenda_model(qapp)
    model.set_locked(True)
    flags = model.flags(model.index(1, COL_TITLE))
    assert not flags & Qt.ItemFlag.ItemIsEditable and not flags & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.setData(model.index(1, COL_TITLE), "Changed")
    assert not model.canDropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, 0, 0,
                                     QModelIndex())


def person(pid: int, name: str, status: str, guest: bool = False) -> AttendanceDTO:
    return AttendanceDTO(id=pid if status else 0, meeting_id=1, person_id=pid, person_name=name, role="gp",
                         role_label="GP", sector="primary", organisation="Leith Practice", status=status,
                         is_guest=guest, is_chair=pid == 1, declaration="")


def test_attendance_model_status_requests_counts_and_not_recorded(qapp):
    model = AttendanceModel()
    model.set_rows([person(1, "Dr Ann Smith", "present"), person(2, "Dr Bob Jones", ""),
                    person(3, "Ms Cara Black", "in_attendance", guest=True)])
    assert model.index(0, COL_NAME).data() == "Dr Ann Smith (chair)"
    assert model.index(1, COL_STATUS).data() == "Not recorded"
    assert model.index(1, COL_STATUS).data(Qt.ItemDataRole.FontRole).italic()
    counts = model.counts()
    assert (counts["present"], counts["in_attendance"], counts[""]) == (1, 1, 1)
    statuses, declarations = [], []
    model.status_requested.connect(lambda *a: statuses.append(a))
    model.declaration_requested.connect(lambda *a: declarations.append(a))
    assert model.setData(model.index(1, COL_STATUS), "apologies")
    assert not model.setData(model.index(1, COL_STATUS), "on holiday")  # not a status
    assert model.setData(model.index(0, COL_DECLARATION), "Partner at Leith Practice")
    assert statuses == [(2, "apologies")] and declarations == [(1, "Partner at Leith Practice")]
    assert model.row_of_person(3) == 2


def test_meetings_model_marks_approved_minutes_as_locked(qapp):
    def meeting(status: str, unlocked: bool) -> MeetingDTO:
        return MeetingDTO(1, 1, "Fife", "", datetime(2026, 12, 2, 14, 0), 120, "", "", None, "", None, "", "held",
                          status, date(2026, 12, 9), unlocked, "", 6, 0)

    model = MeetingsModel()
    model.set_rows([meeting("approved", False), meeting("approved", True), meeting("draft", False)])
    assert model.index(0, COL_DATE).data() == "Wed 02/12/2026 14:00"
    assert [model.index(r, COL_MINUTES_STATUS).data() for r in range(3)] == [
        "Approved, locked", "Approved (unlocked)", "Draft"]


def test_papers_model_names_the_agenda_item_and_size(qapp):
    model = PapersModel()
    model.set_items({101: "5. Referrals"})
    model.set_rows([PaperDTO(1, 1, 101, "Audit", "audit.pdf", 2048, "x", datetime(2026, 11, 20)),
                    PaperDTO(2, 1, None, "Letter", "letter.docx", 300, "y", datetime(2026, 11, 21))])
    assert [model.index(r, COL_ITEM).data() for r in range(2)] == ["5. Referrals", "Not linked"]
    assert model.index(0, COL_SIZE).data() == "2.0 KB"
    assert human_size(5 * 1024 * 1024) == "5.0 MB"
