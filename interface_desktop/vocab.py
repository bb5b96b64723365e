"""The fixed vocabularies: every set of codes with its labels, in display order, and the RAG rule.

Each vocabulary is one mapping code → label; the code tuples the schema checks derive from it. The lists a group
can change (issue categories, specialties, person roles) live in the lookup_value table; DEFAULT_LOOKUPS is what a
new database starts with. Plain Python that imports nothing of the app, so the first window can use it before the
data layer loads.
"""

from __future__ import annotations

from datetime import date, timedelta

# In alphabetical order of the Health Board's name, which is how pick lists show them.
BOARDS: dict[str, str] = {
    "AA": "Ayrshire & Arran",
    "BR": "Borders",
    "DG": "Dumfries & Galloway",
    "FF": "Fife",
    "FV": "Forth Valley",
    "GR": "Grampian",
    "GGC": "Greater Glasgow & Clyde",
    "HG": "Highland",
    "LN": "Lanarkshire",
    "LO": "Lothian",
    "OR": "Orkney",
    "SH": "Shetland",
    "TY": "Tayside",
    "WI": "Western Isles",
}

SECTOR_LABELS = {"primary": "Primary care", "secondary": "Secondary care", "other": "Other"}
SECTORS = tuple(SECTOR_LABELS)
GROUP_ROLE_LABELS = {"lead": "Lead", "co-lead": "Co-lead", "secretary": "Secretary", "member": "Member"}
GROUP_ROLES = tuple(GROUP_ROLE_LABELS)
STANDING_PLACEMENT_LABELS = {"start": "Before the business", "end": "After the business"}
STANDING_PLACEMENTS = tuple(STANDING_PLACEMENT_LABELS)

MEETING_STATUS_LABELS = {"planned": "Planned", "held": "Held", "cancelled": "Cancelled"}
MEETING_STATUSES = tuple(MEETING_STATUS_LABELS)
MINUTES_STATUS_LABELS = {"draft": "Draft", "circulated": "Circulated", "approved": "Approved"}
MINUTES_STATUSES = tuple(MINUTES_STATUS_LABELS)
ATTENDANCE_LABELS = {"present": "Present", "apologies": "Apologies", "absent": "Absent",
                     "in_attendance": "In attendance"}
ATTENDANCE_STATUSES = tuple(ATTENDANCE_LABELS)
AGENDA_KIND_LABELS = {"standing": "Standing item", "decision": "For decision", "discussion": "For discussion",
                      "information": "For information"}
AGENDA_KINDS = tuple(AGENDA_KIND_LABELS)
# The agenda table's narrow Kind column and its pick list.
AGENDA_KIND_SHORT_LABELS = {**AGENDA_KIND_LABELS, "standing": "Standing"}

ACTION_STATUS_LABELS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
ACTION_STATUSES = tuple(ACTION_STATUS_LABELS)
ACTION_OPEN_STATUSES = ("open", "in_progress")

ISSUE_DIRECTION_LABELS = {"primary_to_secondary": "Primary → secondary",
                          "secondary_to_primary": "Secondary → primary", "both": "Both directions"}
ISSUE_DIRECTIONS = tuple(ISSUE_DIRECTION_LABELS)
ISSUE_STATUS_LABELS = {"new": "New", "under_review": "Under review", "action_agreed": "Action agreed",
                       "resolved": "Resolved", "closed": "Closed"}
ISSUE_STATUSES = tuple(ISSUE_STATUS_LABELS)
ISSUE_OPEN_STATUSES = ("new", "under_review", "action_agreed")
SEVERITY_LABELS = {"low": "Low", "moderate": "Moderate", "high": "High", "severe": "Severe"}
SEVERITIES = tuple(SEVERITY_LABELS)
SEA_HARM_LABELS = {"no_harm": "No harm", "potential_harm": "Potential harm", "harm": "Harm"}
SEA_HARM = tuple(SEA_HARM_LABELS)
SEA_NOT_GRADED = "Not graded"

ACTIVITY_KIND_LABELS = {"shadowing": "Work shadowing", "shared_learning": "Shared learning event",
                        "joint_teaching": "Joint teaching", "webinar": "Webinar", "visit": "Visit"}
ACTIVITY_KINDS = tuple(ACTIVITY_KIND_LABELS)
PARTICIPANT_ROLE_LABELS = {"host": "Host", "visitor": "Visitor", "presenter": "Presenter", "organiser": "Organiser",
                           "attendee": "Attendee"}
PARTICIPANT_ROLES = tuple(PARTICIPANT_ROLE_LABELS)

RESOURCE_KIND_LABELS = {"terms_of_reference": "Terms of reference", "template": "Template", "paper": "Paper",
                        "reading": "Background reading"}
RESOURCE_KINDS = tuple(RESOURCE_KIND_LABELS)

AUDIT_OPERATION_LABELS = {"create": "Created", "update": "Changed", "delete": "Deleted", "unlock": "Unlocked",
                          "import": "Imported"}
AUDIT_OPERATIONS = tuple(AUDIT_OPERATION_LABELS)

DEFAULT_LOOKUPS: dict[str, list[tuple[str, str]]] = {
    "issue_category": [
        ("results", "Results and investigations"),
        ("referrals", "Referrals"),
        ("letters", "Discharge and clinic letters"),
        ("prescribing", "Prescribing and medicines"),
        ("fit_notes", "Fit notes"),
        ("it_systems", "IT systems and data sharing"),
        ("workload", "Workload transfer"),
        ("communication", "Communication"),
        ("outpatients", "Outpatients"),
        ("other", "Other"),
    ],
    "specialty": [
        ("general_medicine", "General medicine"),
        ("general_surgery", "General surgery"),
        ("cardiology", "Cardiology"),
        ("respiratory", "Respiratory"),
        ("gastroenterology", "Gastroenterology"),
        ("diabetes", "Diabetes and endocrinology"),
        ("renal", "Renal"),
        ("oncology", "Oncology"),
        ("haematology", "Haematology"),
        ("paediatrics", "Paediatrics"),
        ("obstetrics", "Obstetrics and gynaecology"),
        ("psychiatry", "Psychiatry"),
        ("orthopaedics", "Orthopaedics"),
        ("dermatology", "Dermatology"),
        ("ophthalmology", "Ophthalmology"),
        ("ent", "ENT"),
        ("urology", "Urology"),
        ("neurology", "Neurology"),
        ("radiology", "Radiology"),
        ("laboratory", "Laboratory medicine"),
        ("emergency", "Emergency medicine"),
        ("geriatrics", "Medicine for the elderly"),
        ("pharmacy", "Pharmacy"),
        ("other", "Other"),
    ],
    "person_role": [
        ("gp", "GP"),
        ("consultant", "Consultant"),
        ("nurse", "Nurse"),
        ("practice_manager", "Practice manager"),
        ("manager", "Manager"),
        ("pharmacist", "Pharmacist"),
        ("other", "Other"),
    ],
}
LOOKUP_KINDS = tuple(DEFAULT_LOOKUPS)

# RAG is derived, never stored. The action log's filters and the first window's plain read state the same rule
# in SQL from these constants (tests/test_vocab.py holds the three forms to one table of cases).
RAG_LABELS = {"red": "Overdue", "amber": "Due soon", "green": "On track", "grey": "Dropped"}
DUE_SOON_DAYS = 7


def due_soon_until(on: date) -> date:
    """The last due date that still counts as due soon (amber) on the day `on`."""
    return on + timedelta(days=DUE_SOON_DAYS)


def rag_for(status: str, due_on: date | None, on: date) -> str:
    """red = overdue, amber = due within 7 days, green = done or on track, grey = dropped."""
    if status == "dropped":
        return "grey"
    if status == "done" or due_on is None:
        return "green"
    if due_on < on:
        return "red"
    if due_on <= due_soon_until(on):
        return "amber"
    return "green"


def rag_label(status: str, rag: str) -> str:
    return "Done" if status == "done" else RAG_LABELS[rag]

# The national themes of GP/hospital interface work: learning is comparable across boards only when it is filed
# under the same themes. Each group maps its own issue categories to one of these once.
THEME_LABELS = {
    "referral": "Referral and onward referral",
    "discharge": "Discharge communication",
    "clinic_letters": "Outpatient clinic letters",
    "results": "Tests and results ownership",
    "prescribing": "Prescribing, medicines reconciliation and shared care",
    "workload": "Workload transfer (fit notes, \"GP to arrange\")",
    "follow_up": "Follow-up, recall and waiting well",
    "relationships": "Points of contact and professional relationships",
    "patient_communication": "Communication with patients",
    "digital": "Digital and IT interoperability",
}
THEMES = tuple(THEME_LABELS)
# The board-wide theme of each default issue category; a group or a board may map its categories otherwise.
DEFAULT_CATEGORY_THEMES = {
    "results": "results", "referrals": "referral", "letters": "discharge", "prescribing": "prescribing",
    "fit_notes": "workload", "it_systems": "digital", "workload": "workload", "communication": "relationships",
    "outpatients": "clinic_letters", "other": "relationships",
}
# Where a shared item has got to; a later digest from the same group moves its earlier items on.
LEARNING_STAGE_LABELS = {"raised": "Raised", "action_agreed": "Action agreed", "changed": "Changed",
                         "checked": "Checked that it worked"}
LEARNING_STAGES = tuple(LEARNING_STAGE_LABELS)
LEARNING_KIND_LABELS = {"issue": "Interface issue", "sea": "Significant Event Analysis", "activity": "Activity"}
LEARNING_KINDS = tuple(LEARNING_KIND_LABELS)
