"""Fixed vocabularies the schema enforces with check constraints (configurable lists live in lookup_value)."""

from __future__ import annotations

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

SECTORS = ("primary", "secondary", "other")
GROUP_ROLES = ("lead", "co-lead", "secretary", "member")
MEETING_STATUSES = ("planned", "held", "cancelled")
MINUTES_STATUSES = ("draft", "circulated", "approved")
ATTENDANCE_STATUSES = ("present", "apologies", "absent", "in_attendance")
AGENDA_KINDS = ("standing", "decision", "discussion", "information")
ACTION_STATUSES = ("open", "in_progress", "done", "dropped")
ISSUE_DIRECTIONS = ("primary_to_secondary", "secondary_to_primary", "both")
ISSUE_STATUSES = ("new", "under_review", "action_agreed", "resolved", "closed")
SEVERITIES = ("low", "moderate", "high", "severe")
SEA_HARM = ("no_harm", "potential_harm", "harm")
ACTIVITY_KINDS = ("shadowing", "shared_learning", "joint_teaching", "webinar", "visit")
PARTICIPANT_ROLES = ("host", "visitor", "presenter", "organiser", "attendee")
RESOURCE_KINDS = ("terms_of_reference", "template", "paper", "reading")
LOOKUP_KINDS = ("issue_category", "specialty", "person_role")

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

STANDING_ITEMS: list[tuple[str, int]] = [
    ("Welcome and apologies", 5),
    ("Declarations of interest", 2),
    ("Minutes of the previous meeting", 5),
    ("Matters arising and action log", 15),
    ("Any other business", 5),
    ("Date of next meeting", 2),
]
