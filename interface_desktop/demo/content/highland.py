"""The Highland group's year: business items with minutes, decisions and the actions that came out of them."""

from __future__ import annotations

# Same shape as the Edinburgh group's topics (see lothian.py).
TOPICS: dict[str, dict] = {
    "transport": dict(
        title="Patient transport to outpatient appointments from remote practices", kind="discussion",
        presenter="munro", minutes=20, issue="hg_transport",
        first=("Dr Munro described patients from the west coast travelling over four hours for short review "
               "appointments, with clinic times that do not fit bus or ferry timetables. Missed appointments "
               "then return to the practice as 'did not attend' letters.",
               "Clinics to consider travel times when booking and to offer video review where appropriate.",
               [("Ask outpatient booking to flag patients with journeys over two hours", "mackay", 6),
                ("Map clinics that could offer video review instead of travel", "maclennan", 8)]),
        update=("Outpatient booking now records journey time. Orthopaedics and respiratory have identified "
                "follow-up clinics suitable for video review.",
                "Other specialties to be asked to do the same; update at the next meeting.",
                [("Write to clinical directors about video follow-up clinics", "grant", 4)]),
    ),
    "near_me": dict(
        title="Near Me video consultations for outpatient review", kind="discussion", presenter="forbes",
        minutes=15, issue=None,
        first=("Dr Forbes reported that respiratory clinics now offer video review to all follow-up patients. "
               "Practices in areas with poor broadband asked whether patients could join from the surgery.",
               "A pilot of video consultation rooms in two rural practices to be explored.",
               [("Identify two rural practices to host video consultation rooms", "sutherland", 6),
                ("Check broadband speeds at candidate practices with eHealth", "robertson", 6)]),
        update=("Two practices had set aside a room with a laptop for video appointments. Twelve patients had "
                "used them; all would do so again.",
                "The pilot should continue; practice staff time to be recorded.",
                [("Record practice staff time spent supporting video appointments", "robertson", 8)]),
    ),
    "shared_care": dict(
        title="Shared care agreements: DMARD monitoring", kind="decision", presenter="ali", minutes=20,
        issue="hg_dmard",
        first=("Samir Ali presented the draft shared care agreement for DMARD monitoring. Practices were concerned "
               "that monitoring transfers before the patient is stable and that the rheumatology helpline is "
               "hard to reach.",
               "The agreement to be amended so that transfer happens only after three months of stable "
               "results, with a named contact for queries.",
               [("Amend the DMARD shared care agreement as agreed", "ali", 6)]),
        update=("The amended agreement had been approved by the Area Drug and Therapeutics Committee.",
                "Practices to be reminded of the new agreement and the named contact.",
                [("Circulate the approved DMARD shared care agreement to practices", "ali", 3)]),
    ),
    "remote_results": dict(
        title="Results from visiting specialist clinics", kind="discussion", presenter="patel", minutes=15,
        issue="hg_results",
        first=("Dr Patel explained that tests ordered at visiting clinics in rural hospitals are reported to the "
               "practice because the visiting consultant is not set up as a requester on the local system.",
               "eHealth to set up visiting consultants as requesters at every rural site.",
               [("Ask eHealth to register visiting consultants as requesters at rural sites", "mackay", 6)]),
        update=("eHealth had registered visiting consultants at four of the six rural sites.",
                "The remaining two sites to be completed; the issue stays under review until then.",
                [("Confirm requester set-up at the remaining two rural sites", "mackay", 6)]),
    ),
    "anticipatory": dict(
        title="Anticipatory care plans at the interface", kind="discussion", presenter="grant", minutes=15,
        issue=None,
        first=("Dr Grant noted that anticipatory care plans recorded in general practice are not always visible "
               "to the admitting team, and that plans made in hospital rarely reach the practice.",
               "Both sectors to use the national summary record for anticipatory care plans.",
               [("Remind ward teams how to view anticipatory care plans", "grant", 4),
                ("Check that practices update the summary record after reviews", "duncan", 6)]),
    ),
    "usc_tracking": dict(
        title="Urgent suspected cancer referrals: tracking and safety-netting", kind="discussion",
        presenter="sutherland", minutes=15, issue="hg_usc",
        first=("Dr Sutherland asked how practices can confirm that urgent suspected cancer referrals have been "
               "received and vetted. Dr McIntyre, in attendance, described the cancer tracking team's work.",
               "The tracking team to send an acknowledgement of every urgent suspected cancer referral.",
               [("Agree acknowledgements for urgent suspected cancer referrals", "mcintyre", 8),
                ("Remind practices of the safety-netting guidance for cancer referrals", "sutherland", 4)]),
        update=("Acknowledgements are now sent within two working days. Practices reported confidence in the "
                "process but asked for a report of referrals downgraded at vetting.",
                "A monthly downgrade report to practices to be considered.",
                [("Consider a monthly report of downgraded cancer referrals", "mcintyre", 8)]),
    ),
    "sea_anticoag": dict(
        title="Significant event: anticoagulant change not communicated on discharge", kind="discussion",
        presenter="ali", minutes=20, issue="hg_sea_anticoag",
        first=("Samir Ali presented an SEA. A patient's anticoagulant was changed in hospital but the discharge "
               "letter listed the previous medicine, and both were supplied for a week. The error was found by "
               "the community pharmacist. No harm resulted.",
               "The SEA was accepted; pharmacy to check anticoagulants on every discharge letter.",
               [("Introduce a pharmacy check of anticoagulants on discharge letters", "ali", 6),
                ("Share the anticoagulant SEA with community pharmacies", "ali", 4)]),
        update=("The pharmacy check had been in place for six weeks with no further discrepancies reported.",
                "The issue can be closed after a further month without incidents.",
                [("Review anticoagulant discrepancy reports after one month", "ali", 5)]),
    ),
    "weekend_discharge": dict(
        title="Weekend discharges to remote communities", kind="discussion", presenter="duncan", minutes=15,
        issue="hg_weekend",
        first=("Ms Duncan described patients discharged on Friday evenings to islands and remote glens, when "
               "district nursing and care services cannot start until Monday.",
               "Wards to contact the local district nursing team before weekend discharges to remote areas.",
               [("Add a district nursing contact step to the weekend discharge checklist", "grant", 6),
                ("Share district nursing weekend contact numbers with wards", "duncan", 3)]),
        update=("The checklist step is in use on medical wards; surgical wards will follow.",
                "Progress to be reviewed at the next meeting.",
                [("Extend the weekend discharge checklist to surgical wards", "maclennan", 6)]),
    ),
    "camhs": dict(
        title="Child and adolescent mental health referral criteria", kind="discussion", presenter="chisholm",
        minutes=15, issue="hg_camhs",
        first=("Dr Chisholm explained the revised referral criteria. GPs reported that returned referrals leave "
               "families with nowhere to turn.",
               "Returned referrals to include signposting to alternative support.",
               [("Add signposting information to returned mental health referrals", "chisholm", 6),
                ("Compile a list of local third-sector support services", "sutherland", 8)]),
        update=("Signposting is now included in every returned referral. A list of local third-sector services "
                "has been shared with practices.",
                "The group to review referral data in six months.",
                [("Report referral and return rates for child mental health in six months", "chisholm", 20)]),
    ),
    "shadowing": dict(
        title="Work shadowing between practices and Ness General Hospital", kind="information",
        presenter="mackay", minutes=10, issue=None,
        first=("Ms Mackay reported on two shadowing visits completed this year, including a consultant visiting "
               "a remote practice for a day.",
               "More rural placements to be offered next year.",
               [("Offer rural practice placements to hospital consultants", "mackay", 10),
                ("Write up the rural placement for the Area Clinical Forum", "grant", 12)]),
    ),
}

SCHEDULE: list[list[str]] = [
    ["transport", "near_me", "shared_care"],
    ["remote_results", "transport+", "anticipatory"],
    ["usc_tracking", "shared_care+", "near_me+"],
    ["sea_anticoag", "weekend_discharge", "remote_results+"],
    ["camhs", "usc_tracking+", "weekend_discharge+"],
    ["sea_anticoag+", "camhs+", "shadowing"],
]

UPCOMING: list[list[tuple]] = [
    [("Orthopaedics: patient-initiated review", "discussion", "maclennan", 15, "hg_ortho", None),
     ("Home oxygen assessments for remote patients", "discussion", "forbes", 15, None, None),
     ("Joint shared learning event with the Edinburgh group", "decision", "munro", 10, None, None)],
]
