"""Every name prints in every PDF: one embedded Unicode font, and the title, author, subject and language set."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pypdf import PdfReader

from interface_desktop.exports import agenda, pack_pdf, report, sea
from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.documents import documents, report_data
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import agenda as agenda_service
from interface_desktop.services.meetings import attendance, meetings
from interface_desktop.services.people import groups, people

NAMES = ("Dr Łucja Wróbel", "Eilidh Nic a' Phearsain", "Ruairidh MacGilleBhràth", "Žydrūnė Kazlauskienė",
         "Siân Llŵyd", "Zoë Ó Dónaill")
GROUP = "Western Isles Interface Group"


@pytest.fixture
def ids(session) -> dict[str, int]:
    """A meeting chaired, minuted and presented by the named people, who also own actions; an issue with an
    SEA whose actions they own; a coming activity named after two of them."""
    group = groups.create_group(session, name=GROUP, board="WI")
    who = [people.create_person(session, name=name, role="gp", sector="primary").id for name in NAMES]
    for person in who:
        people.set_membership(session, group_id=group.id, person_id=person)
    previous = meetings.create_meeting(session, group_id=group.id, starts_at=datetime(2026, 9, 2, 14, 0),
                                       chair_id=who[0], minute_taker_id=who[1])
    attendance.add_members(session, meeting_id=previous.id)
    meetings.mark_held(session, previous.id)
    meeting = meetings.create_meeting(session, group_id=group.id, starts_at=datetime(2026, 11, 25, 14, 0),
                                      chair_id=who[0], minute_taker_id=who[1], location="Western Isles Hospital")
    issue = issues.create_issue(session, group_id=group.id, title="Discharge letters late", raised_by_role="GP",
                                raised_by_sector="primary", direction="both", category="letters",
                                raised_on="2026-08-14")
    issues.save_sea(session, issue.id, what_happened="A letter was late.", learned="Send letters on the day.",
                    harm="no_harm", risk_grade=2)
    for n, person in enumerate(who):
        agenda_service.add_agenda_item(session, meeting_id=meeting.id, title=f"Item {n}", presenter_id=person)
        actions.add_action(session, meeting_id=previous.id, description=f"Action {n}", owner_id=person,
                           due_on="2027-01-31")
        actions.add_action(session, issue_id=issue.id, description=f"SEA action {n}", owner_id=person)
    shadowing = activities.create_activity(session, group_id=group.id, kind="shadowing", starts_on="2026-12-10",
                                           title=f"{NAMES[4]} shadows {NAMES[5]}")
    activities.set_participant(session, activity_id=shadowing.id, person_id=who[4], role="visitor")
    return {"group": group.id, "meeting": meeting.id, "issue": issue.id}


def _fonts(reader: PdfReader) -> dict[str, object]:
    """BaseFont -> font dictionary, over every page and every form drawn on a page."""
    found: dict[str, object] = {}

    def walk(resources) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def _check(path, *, title: str, subject: str, names: tuple[str, ...] = NAMES) -> str:
    reader = PdfReader(path)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for name in names:
        assert name in text, name
    assert "\u25a0" not in text and "\ufffd" not in text
    fonts = _fonts(reader)
    assert fonts and all(name.split("+")[-1].startswith("DejaVuSansCondensed") for name in fonts), sorted(fonts)
    assert all("/FontFile2" in font["/FontDescriptor"] for font in fonts.values())
    info = reader.metadata
    assert (info.title, info.author, info.subject) == (title, GROUP, subject)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    return text


def test_agenda_pdf(session, ids, tmp_path):
    path = agenda.export(documents.agenda_doc(session, ids["meeting"]), tmp_path / "agenda.pdf")
    _check(path, title=f"{GROUP}: agenda", subject="Agenda of the meeting on 25 November 2026")


def test_meeting_pack(session, ids, tmp_path):
    path = pack_pdf.export(documents.pack_doc(session, ids["meeting"]), tmp_path / "pack.pdf")
    _check(path, title=f"{GROUP}: meeting pack, 25/11/2026", subject="Meeting pack for the meeting on 25 November 2026")


def test_sea_pdf(session, ids, tmp_path):
    path = sea.export(documents.sea_doc(session, ids["issue"]), tmp_path / "sea.pdf")
    reference = issues.get_issue(session, ids["issue"]).reference
    _check(path, title=f"SEA {reference}", subject=f"Significant Event Analysis {reference}: Discharge letters late")


def test_report_pdf_and_its_charts(session, ids, tmp_path):
    doc = report_data.report_doc(session, date_from=date(2026, 7, 1), date_to=date(2026, 9, 30), group_id=ids["group"])
    path = report.export(doc, tmp_path / "report.pdf")
    text = _check(path, title=f"{GROUP}: report for 1 July 2026 to 30 September 2026",
                  subject="Report for 1 July 2026 to 30 September 2026", names=(f"{NAMES[4]} shadows {NAMES[5]}",))
    assert "Issues by category" in text  # a chart's title, drawn in the same embedded font
