"""A realistic group for the document tests: two meetings, a full register, papers, actions, issues, an SEA."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from interface_desktop.services.actions import actions
from interface_desktop.services.activities import activities
from interface_desktop.services.meetings import agenda, approval
from interface_desktop.services.meetings import attendance
from interface_desktop.services.documents import files
from interface_desktop.services.people import groups
from interface_desktop.services.issues import issues
from interface_desktop.services.meetings import meetings
from interface_desktop.services.people import people


@dataclass(frozen=True)
class Fixture:
    group_id: int
    meeting_id: int
    previous_id: int
    issue_id: int
    sea_issue_id: int
    paper_pages: int


def pdf_bytes(pages: int, title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 14)
        c.drawString(72, 760, f"{title} - paper page {n}")
        c.showPage()
    c.save()
    return out.getvalue()


def docx_bytes(text: str) -> bytes:
    from docx import Document

    out = io.BytesIO()
    doc = Document()
    doc.add_paragraph(text)
    doc.save(out)
    return out.getvalue()


def _people(session) -> dict[str, int]:
    rows = [
        ("Dr Ann Smith", "gp", "primary", "Leith Medical Practice"),
        ("Dr Bob Jones", "consultant", "secondary", "Royal Infirmary of Edinburgh"),
        ("Dr Carol White", "gp", "primary", "Craigmillar Medical Group"),
        ("Mr David Brown", "consultant", "secondary", "Western General Hospital"),
        ("Ms Erin Black", "manager", "other", "Edinburgh HSCP"),
        ("Mrs Fiona Green", "pharmacist", "primary", "NHS Lothian Pharmacy"),
        ("Dr Gus Grey", "consultant", "secondary", "St John's Hospital"),
    ]
    ids = {}
    for name, role, sector, org in rows:
        ids[name] = people.create_person(session, name=name, role=role, sector=sector, organisation=org).id
    return ids


def build(session) -> Fixture:
    g = groups.create_group(session, name="Lothian Interface Group", board="LO", hscp="Edinburgh HSCP",
                            quorum_total=3, default_location="Waverley Gate, Room 2.4")
    who = _people(session)
    for name in list(who)[:5]:
        people.set_membership(session, group_id=g.id, person_id=who[name])
    prev = meetings.create_meeting(session, group_id=g.id, starts_at=datetime(2026, 9, 30, 14, 0),
                                   chair_id=who["Dr Ann Smith"])
    prev_items = agenda.list_agenda(session, prev.id)
    agenda.save_minutes(session, item_id=prev_items[0].id, discussion="The Chair welcomed members.", decisions="")
    attendance.add_members(session, meeting_id=prev.id)
    old = actions.add_action(session, meeting_id=prev.id, description="Write to labs about +ve results routing",
                             owner_id=who["Dr Bob Jones"], due_on="2026-10-31")
    actions.add_action(session, meeting_id=prev.id, description="=HYPERLINK(\"http://x\") circulate ToR",
                       owner_id=who["Ms Erin Black"], due_on="2026-11-26")
    actions.add_action(session, meeting_id=prev.id, description="Share the prescribing guide", status="done",
                       owner_id=who["Mrs Fiona Green"], due_on="2026-10-15")
    approval.approve_minutes(session, prev.id)

    m = meetings.create_meeting(session, group_id=g.id, starts_at=datetime(2026, 11, 25, 14, 0),
                                chair_id=who["Dr Ann Smith"], minute_taker_id=who["Ms Erin Black"],
                                call_link="https://teams.example/meet")
    issue = issues.create_issue(
        session, group_id=g.id, title="Discharge letters arriving without medication changes",
        raised_by_role="GP", raised_by_sector="primary", raised_by_organisation="Leith Medical Practice",
        direction="secondary_to_primary", category="letters", raised_on="2026-10-02",
        description="Immediate discharge letters omit the reason for stopped medicines.", severity="high")
    sea = issues.create_issue(
        session, group_id=g.id, title="Abnormal potassium result not acted on", raised_by_role="Consultant",
        raised_by_sector="secondary", direction="both", category="results", raised_on="2026-08-14")
    issues.save_sea(session, sea.id, what_happened="A high potassium result was sent to the wrong practice.",
                    why="The practice code on the request was out of date.",
                    learned="Result routing depends on current practice codes.",
                    changed="The lab now checks codes nightly against the practice list.",
                    impact="Delay of two days in treatment.", contributory_factors="Manual code entry.",
                    harm="potential_harm", risk_grade=3, learning_needs="Training for request entry.",
                    event_on="2026-08-10")
    issues.update_issue(session, sea.id, learning="Check practice codes at source.", resolution="Nightly check.")
    issues.set_status(session, sea.id, "resolved", on="2026-10-20")
    business = [
        ("Discharge letters: medication changes", who["Dr Bob Jones"], 20, "decision", issue.id),
        ("Results routing to practices", who["Dr Gus Grey"], 15, "discussion", None),
        ("Shadowing programme update", who["Dr Carol White"], 10, "information", None),
    ]
    items = {}
    for title, presenter, mins, kind, issue_id in business:
        items[title] = agenda.add_agenda_item(session, meeting_id=m.id, title=title, presenter_id=presenter,
                                              minutes_allotted=mins, kind=kind, issue_id=issue_id)
    letters = items["Discharge letters: medication changes"]
    agenda.save_minutes(session, item_id=letters.id,
                        discussion="Dr Jones presented the audit of 50 letters.\nMembers agreed the gap is real.",
                        decisions="Adopt the new letter template from January.\nReview in three months.")
    actions.add_action(session, agenda_item_id=letters.id, description="Pilot the letter template on ward 101",
                       owner_id=who["Dr Bob Jones"], due_on="2027-01-31", issue_id=issue.id)
    actions.add_action(session, agenda_item_id=letters.id, description="-Tell practices about the change",
                       owner_id=who["Dr Ann Smith"], due_on="2026-12-15")
    actions.add_action(session, issue_id=sea.id, description="Audit practice codes quarterly",
                       owner_id=who["Dr Gus Grey"], due_on="2026-11-01")
    present = ["Dr Ann Smith", "Dr Bob Jones", "Dr Carol White", "Mr David Brown"]
    for name in present:
        attendance.set_attendance(session, meeting_id=m.id, person_id=who[name], status="present")
    attendance.set_attendance(session, meeting_id=m.id, person_id=who["Ms Erin Black"], status="apologies")
    attendance.set_attendance(session, meeting_id=m.id, person_id=who["Dr Gus Grey"], status="in_attendance",
                              declaration="Sits on the lab services board.")
    paper_pages = 3
    files.add_paper(session, meeting_id=m.id, filename="letters-audit.pdf", title="Discharge letter audit",
                    data=pdf_bytes(paper_pages, "Discharge letter audit"), agenda_item_id=letters.id)
    files.add_paper(session, meeting_id=m.id, filename="routing.docx", title="Results routing proposal",
                    data=docx_bytes("Routing proposal"), agenda_item_id=items["Results routing to practices"].id)
    shadow = activities.create_activity(session, group_id=g.id, kind="shadowing", title="GP shadows respiratory clinic",
                                        starts_on="2026-10-05", host_department="Respiratory")
    activities.set_participant(session, activity_id=shadow.id, person_id=who["Dr Carol White"], role="visitor")
    activities.set_participant(session, activity_id=shadow.id, person_id=who["Dr Gus Grey"], role="host")
    activities.create_activity(session, group_id=g.id, kind="webinar", title="Fit notes webinar",
                               starts_on="2026-12-10", location="Teams")
    meetings.mark_held(session, m.id)
    del old
    return Fixture(g.id, m.id, prev.id, issue.id, sea.id, paper_pages)
