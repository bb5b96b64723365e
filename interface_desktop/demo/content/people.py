"""Fictional people, practices and departments of the example groups (no real person or place intended)."""

from __future__ import annotations

# key: (name, role, sector, organisation, department, email)
PEOPLE: dict[str, tuple[str, str, str, str, str, str]] = {
    # Lothian
    "macrae": ("Dr Aileen MacRae", "gp", "primary", "Leith Links Medical Practice", "",
               "aileen.macrae@example.scot"),
    "okafor": ("Dr Tom Okafor", "consultant", "secondary", "Braidburn General Hospital", "Acute Medicine",
               "tom.okafor@example.scot"),
    "lindsay": ("Fiona Lindsay", "manager", "other", "Edinburgh Health and Social Care Partnership",
                "Primary Care Support", "fiona.lindsay@example.scot"),
    "sandhu": ("Dr Priya Sandhu", "gp", "primary", "Craigmount Health Centre", "", "priya.sandhu@example.scot"),
    "baird": ("Dr Euan Baird", "gp", "primary", "Musselburgh Bay Practice", "", "euan.baird@example.scot"),
    "henderson": ("Dr Catriona Henderson", "consultant", "secondary", "Braidburn General Hospital",
                  "Gastroenterology", "catriona.henderson@example.scot"),
    "nowak": ("Dr Marek Nowak", "consultant", "secondary", "Braidburn General Hospital", "General Surgery",
              "marek.nowak@example.scot"),
    "fraser": ("Dr Isla Fraser", "consultant", "secondary", "Lothian Skin Centre", "Dermatology",
               "isla.fraser@example.scot"),
    "mclean": ("Morag McLean", "practice_manager", "primary", "Pentland View Surgery", "",
               "morag.mclean@example.scot"),
    "adeyemi": ("Grace Adeyemi", "pharmacist", "secondary", "Braidburn General Hospital", "Pharmacy",
                "grace.adeyemi@example.scot"),
    "whyte": ("Sister Karen Whyte", "nurse", "secondary", "Braidburn General Hospital", "Discharge Hub",
              "karen.whyte@example.scot"),
    "campbell": ("Dr Hamish Campbell", "consultant", "secondary", "Braidburn General Hospital", "Cardiology",
                 "hamish.campbell@example.scot"),
    "rossi": ("Dr Elena Rossi", "gp", "primary", "Pentland View Surgery", "", "elena.rossi@example.scot"),
    "kerr": ("Alan Kerr", "manager", "secondary", "Braidburn General Hospital", "Outpatient Services",
             "alan.kerr@example.scot"),
    # Highland
    "munro": ("Dr Alasdair Munro", "gp", "primary", "Cairngorm View Surgery", "", "alasdair.munro@example.scot"),
    "grant": ("Dr Shona Grant", "consultant", "secondary", "Ness General Hospital", "Medicine for the Elderly",
              "shona.grant@example.scot"),
    "mackay": ("Eilidh Mackay", "manager", "other", "Highland Health and Social Care Partnership",
               "Primary Care Development", "eilidh.mackay@example.scot"),
    "patel": ("Dr Rohan Patel", "gp", "primary", "Moray Firth Medical Group", "", "rohan.patel@example.scot"),
    "sutherland": ("Dr Kirsty Sutherland", "gp", "primary", "Loch Ness Health Centre", "",
                   "kirsty.sutherland@example.scot"),
    "maclennan": ("Dr Neil MacLennan", "consultant", "secondary", "Ness General Hospital", "Orthopaedics",
                  "neil.maclennan@example.scot"),
    "forbes": ("Dr Rachel Forbes", "consultant", "secondary", "Ness General Hospital", "Respiratory Medicine",
               "rachel.forbes@example.scot"),
    "duncan": ("Anne Duncan", "nurse", "primary", "Caledonian Canal Practice", "District Nursing",
               "anne.duncan@example.scot"),
    "robertson": ("Gordon Robertson", "practice_manager", "primary", "Moray Firth Medical Group", "",
                  "gordon.robertson@example.scot"),
    "chisholm": ("Dr Morven Chisholm", "consultant", "secondary", "Ness General Hospital", "Psychiatry",
                 "morven.chisholm@example.scot"),
    "ali": ("Samir Ali", "pharmacist", "primary", "Highland Primary Care Pharmacy Team", "",
            "samir.ali@example.scot"),
    "mcintyre": ("Dr Ewan McIntyre", "consultant", "secondary", "Ness General Hospital", "Oncology",
                 "ewan.mcintyre@example.scot"),
}

# The example groups: details, members with their group roles, and a guest or two who attend now and then.
GROUPS: dict[str, dict] = {
    "lothian": dict(
        name="Edinburgh Primary and Secondary Care Interface Group",
        board="LO", hscp="Edinburgh Health and Social Care Partnership",
        default_location="Seminar Room 3, Education Centre, Braidburn General Hospital",
        default_duration=120, quorum_gp=2, quorum_secondary=2, quorum_total=5,
        terms_of_reference=(
            "Purpose: to improve the experience of patients and staff at the interface between general practice "
            "and the acute hospital by identifying, prioritising and resolving interface issues together.\n"
            "Membership: GP representatives from each locality, consultants from the main specialties, the "
            "hospital pharmacy, the discharge hub, practice management and the HSCP primary care team.\n"
            "Quorum: five members including at least two GPs and two secondary-care clinicians.\n"
            "Meetings: every six weeks; papers circulated one week before; minutes approved at the next meeting.\n"
            "Reporting: a quarterly report to the Primary Care Board and the Acute Services Clinical Governance "
            "Group; a newsletter to all practices and departments."),
        members=[("macrae", "lead"), ("okafor", "co-lead"), ("lindsay", "secretary"), ("sandhu", "member"),
                 ("baird", "member"), ("henderson", "member"), ("nowak", "member"), ("fraser", "member"),
                 ("mclean", "member"), ("adeyemi", "member"), ("whyte", "member"), ("rossi", "member")],
        guests=["campbell", "kerr"],
        meeting=dict(weekday=2, hour=14, minute=0, interval_weeks=6, past=8, upcoming=2),
    ),
    "highland": dict(
        name="Highland Interface Group",
        board="HG", hscp="Highland Health and Social Care Partnership",
        default_location="Board Room, Ness General Hospital, Inverness, and Microsoft Teams",
        default_duration=90, quorum_gp=1, quorum_secondary=1, quorum_total=4,
        terms_of_reference=(
            "Purpose: to bring general practice and hospital clinicians across Highland together to resolve "
            "problems at the interface, with particular attention to remote and rural communities.\n"
            "Membership: GPs from rural and urban practices, consultants from Ness General Hospital, community "
            "nursing, primary care pharmacy and the HSCP primary care development team.\n"
            "Quorum: four members including at least one GP and one secondary-care clinician.\n"
            "Meetings: every eight weeks, hybrid; minutes approved at the next meeting.\n"
            "Reporting: a quarterly summary to the Area Clinical Forum."),
        members=[("munro", "lead"), ("grant", "co-lead"), ("mackay", "secretary"), ("patel", "member"),
                 ("sutherland", "member"), ("maclennan", "member"), ("forbes", "member"), ("duncan", "member"),
                 ("robertson", "member"), ("ali", "member"), ("chisholm", "member")],
        guests=["mcintyre"],
        meeting=dict(weekday=3, hour=13, minute=30, interval_weeks=8, past=6, upcoming=1),
        lookups=[("issue_category", "Remote and rural access"), ("specialty", "Rural general hospital")],
    ),
}
