"""The Edinburgh group's year: business items with minutes, decisions and the actions that came out of them."""

from __future__ import annotations

# key: title, kind, presenter, minutes allotted, linked issue, then "first" and (optionally) "update", each
# (discussion, decisions, [(action, owner, weeks until due)]).
TOPICS: dict[str, dict] = {
    "letters": dict(
        title="Immediate discharge letters: timeliness audit", kind="discussion", presenter="okafor", minutes=20,
        issue="lo_letters",
        first=("Dr Okafor presented a two-week snapshot audit of immediate discharge letters from the acute "
               "medical unit. 71% reached practices within 24 hours against a standard of 95%; letters completed "
               "by locum junior doctors at weekends were the main source of delay. GP members described patients "
               "attending for medication reviews before any letter had arrived.",
               "The group agreed that the audit findings be shared with the acute medicine clinical governance "
               "group and that the weekend letter process be reviewed.",
               [("Share the discharge letter audit with acute medicine clinical governance", "okafor", 4),
                ("Propose a weekend sign-off rota for discharge letters", "whyte", 8)]),
        update=("Dr Okafor reported that a weekend sign-off rota had been piloted for four weeks on two wards. "
                "Letters reaching practices within 24 hours rose to 86%. Sister Whyte noted that the rota depends "
                "on one senior nurse per shift and is fragile during leave.",
                "The pilot should continue and be extended to the surgical receiving unit; a re-audit to be "
                "presented in the new year.",
                [("Extend the weekend letter rota to the surgical receiving unit", "nowak", 6),
                 ("Re-audit discharge letter timeliness across both units", "okafor", 12)]),
    ),
    "results": dict(
        title="Responsibility for tests requested at outpatient clinics", kind="decision", presenter="sandhu",
        minutes=20, issue="lo_results",
        first=("Dr Sandhu described practices receiving results for tests requested by hospital clinics, often "
               "without a note of what the clinic intended. Practices felt obliged to act on abnormal results "
               "they had not requested. Dr Henderson agreed that the requesting clinician is responsible for "
               "acting on and communicating the result, in line with national guidance.",
               "The group endorsed the principle that the clinician who requests a test is responsible for "
               "reviewing and acting on it, and agreed to draft a one-page local statement.",
               [("Draft a one-page statement on responsibility for test results", "sandhu", 6),
                ("Ask laboratory IT whether results can be copied only to the requester", "lindsay", 6)]),
        update=("The draft statement on responsibility for results was tabled. Members suggested adding examples "
                "for results that come back after a patient is discharged from clinic, and a named route for "
                "urgent abnormal results out of hours.",
                "The statement was approved subject to the amendments and will go to the Medical Director for "
                "endorsement.",
                [("Send the approved results statement to the Medical Director", "macrae", 4)]),
    ),
    "fit_notes": dict(
        title="Fit notes on discharge from surgical wards", kind="discussion", presenter="baird", minutes=15,
        issue="lo_fitnotes",
        first=("Dr Baird reported that patients discharged after day-case and inpatient surgery are regularly "
               "advised to obtain a fit note from their GP, generating avoidable appointments. Dr Nowak "
               "acknowledged that junior surgical staff are not always aware they can issue fit notes.",
               "Surgical teams to issue fit notes at discharge covering the expected recovery period.",
               [("Add fit notes to the surgical discharge checklist", "nowak", 6),
                ("Cover fit notes at the next junior doctor induction", "nowak", 10)]),
        update=("Dr Nowak confirmed that fit notes had been added to the surgical discharge checklist and covered "
                "at junior doctor induction. Practices reported fewer requests, although day-surgery patients "
                "were still being sent to the GP.",
                "Day surgery unit to be included; the issue can move to resolved once practices confirm.",
                [("Brief the day surgery unit nurses on issuing fit notes", "whyte", 4)]),
    ),
    "advice_guidance": dict(
        title="Advice and guidance: gastroenterology pilot", kind="decision", presenter="henderson", minutes=20,
        issue=None,
        first=("Dr Henderson outlined a proposal for an advice-and-guidance service in gastroenterology, with a "
               "consultant response within five working days. Practices welcomed the idea but asked that advice "
               "be specific and not simply redirect the referral back to primary care.",
               "A six-month pilot was supported, with eight practices taking part.",
               [("Recruit eight practices to the advice-and-guidance pilot", "lindsay", 4),
                ("Agree response standards and a feedback form for the pilot", "henderson", 4)]),
        update=("Three months into the pilot, 142 requests had been answered, 88% within five working days. Just "
                "over half avoided an outpatient appointment. Some GPs found replies difficult to locate in the "
                "practice system.",
                "Replies to be filed with a consistent title so practices can find them; full evaluation at six "
                "months.",
                [("Agree a standard title for advice-and-guidance replies with practice IT", "mclean", 4),
                 ("Prepare the six-month evaluation of the pilot", "henderson", 10)]),
    ),
    "shadowing": dict(
        title="Work shadowing programme", kind="discussion", presenter="macrae", minutes=10, issue=None,
        first=("Dr MacRae proposed pairing GPs and consultants for half-day shadowing visits in each direction. "
               "Members felt that seeing each other's working day would do more than any protocol to improve "
               "letters and referrals.",
               "Up to six pairs to take part this year; protected time to be requested from both sectors.",
               [("Invite expressions of interest in work shadowing", "lindsay", 4)]),
        update=("Four pairs had completed their visits. Reflections highlighted the volume of correspondence in "
                "general practice and the pressure on hospital teams at discharge. Feedback scores were high.",
                "The programme should continue and reflections be summarised for the newsletter.",
                [("Summarise shadowing reflections for the newsletter", "rossi", 6)]),
    ),
    "meds_rec": dict(
        title="Medicines changes on discharge: pharmacy reconciliation", kind="discussion", presenter="adeyemi",
        minutes=20, issue="lo_meds",
        first=("Ms Adeyemi presented data showing that one in five discharge letters listed a medicine change "
               "without a reason. Practice pharmacists spend considerable time clarifying changes by phone.",
               "A mandatory 'reason for change' field on the discharge letter template was supported.",
               [("Request a 'reason for change' field in the discharge letter template", "adeyemi", 8),
                ("Collect examples of unexplained medicine changes from practices", "rossi", 4)]),
        update=("The template change had been agreed by the eHealth change board and will go live next quarter. "
                "Practices had submitted 23 examples, most involving anticoagulants and diuretics.",
                "Examples to be used in junior doctor teaching; the issue remains under review until go-live.",
                [("Include medicines reconciliation examples in foundation doctor teaching", "adeyemi", 8)]),
    ),
    "referrals_derm": dict(
        title="Rejected dermatology referrals", kind="discussion", presenter="fraser", minutes=15,
        issue="lo_derm",
        first=("Dr Fraser explained that referrals without photographs are being returned to practices, as the "
               "service triages from images. GP members said the requirement was not widely known and that "
               "practices lack suitable cameras.",
               "The referral guidance to be updated and circulated; HSCP to look at devices for practices.",
               [("Update and circulate dermatology referral guidance", "fraser", 4),
                ("Scope the cost of dermatoscopes and cameras for practices", "lindsay", 8)]),
        update=("Returned referrals had fallen by a third since the guidance was circulated. Funding for "
                "dermatoscopes had been identified for twenty practices.",
                "Training for practice staff on taking images to be arranged with the medical photography team.",
                [("Arrange image-taking training for practice staff", "fraser", 8)]),
    ),
    "phlebotomy": dict(
        title="Hospital-requested blood tests transferred to practices", kind="discussion", presenter="mclean",
        minutes=15, issue="lo_bloods",
        first=("Ms McLean reported that practices receive increasing requests from clinics to arrange blood "
               "tests, with no additional treatment room capacity. Alan Kerr, in attendance for outpatient "
               "services, confirmed that hospital phlebotomy has capacity on three sites.",
               "Clinics to book bloods at hospital phlebotomy unless the patient cannot travel.",
               [("Circulate hospital phlebotomy times and booking route to clinics", "kerr", 3),
                ("Count clinic blood test requests received by three practices for a month", "mclean", 6)]),
        update=("Clinic requests to practices had reduced, but rural patients in Midlothian still struggle to "
                "reach hospital sites.",
                "A community phlebotomy option for patients who cannot travel to be explored with the HSCP.",
                [("Explore community phlebotomy for patients unable to travel", "lindsay", 10)]),
    ),
    "sea_cancer": dict(
        title="Significant event: delayed action on an abnormal imaging report", kind="discussion",
        presenter="rossi", minutes=20, issue="lo_sea_imaging",
        first=("Dr Rossi presented a significant event analysis. An imaging report suggesting possible "
               "malignancy was sent to the practice, while the requesting team assumed the practice would refer. "
               "The result was not acted on for five weeks. No harm resulted, but the potential for harm was "
               "significant.",
               "The SEA was accepted. Radiology to flag suspicious findings directly to the requester, with a "
               "fail-safe copy to the practice.",
               [("Agree a fail-safe alert for suspicious imaging findings with radiology", "okafor", 8),
                ("Share the anonymised SEA with practices in the newsletter", "lindsay", 6)]),
        update=("Radiology had introduced an alert code for suspicious findings that triggers a call to the "
                "requesting team. The fail-safe copy to practices is now clearly marked.",
                "The learning to be presented at the shared learning event; the issue can be resolved.",
                [("Present the imaging SEA learning at the shared learning event", "rossi", 8)]),
    ),
    "it_letters": dict(
        title="Electronic clinic letters: coding actions for general practice", kind="discussion",
        presenter="mclean", minutes=15, issue="lo_it",
        first=("Ms McLean described how actions for the GP are buried in long clinic letters. Practices asked "
               "for a short 'Actions for GP' box at the top of every letter.",
               "The outpatient letter template to include an 'Actions for GP' section.",
               [("Propose an 'Actions for GP' section to the outpatient letters group", "kerr", 6),
                ("Collect examples of clinic letters with hidden GP actions", "mclean", 4)]),
        update=("The outpatient letters group had agreed the new section; cardiology and respiratory will pilot "
                "it first.",
                "Practices in the pilot to give feedback after two months.",
                [("Collect practice feedback on the new clinic letter section", "mclean", 8)]),
    ),
    "learning_event": dict(
        title="Shared learning event: planning", kind="decision", presenter="macrae", minutes=15, issue=None,
        first=("Members discussed an evening shared learning event for GPs and hospital doctors, built around "
               "cases from this year's interface issues.",
               "The event to be held in the autumn at the Education Centre with three case-based workshops.",
               [("Book the Education Centre and catering for the learning event", "lindsay", 4),
                ("Prepare three case-based workshops for the learning event", "okafor", 8)]),
        update=("The event had been attended by 64 clinicians. Feedback was very positive, with requests for "
                "more time in mixed small groups.",
                "A similar event to be planned for next year, possibly jointly with the Highland group.",
                [("Contact the Highland group about a joint learning event", "macrae", 10)]),
    ),
    "newsletter": dict(
        title="Interface newsletter: spring edition", kind="information", presenter="lindsay", minutes=10,
        issue=None,
        first=("Ms Lindsay presented the draft newsletter covering discharge letters, fit notes and the "
               "advice-and-guidance pilot.",
               "The newsletter was approved for circulation to all practices and departments.",
               [("Circulate the spring newsletter", "lindsay", 2),
                ("Invite articles for the summer newsletter", "lindsay", 8)]),
    ),
    "quarterly": dict(
        title="Quarterly report to the Primary Care Board", kind="decision", presenter="macrae", minutes=10,
        issue=None,
        first=("The draft quarterly report summarised issues raised and resolved, actions completed and the "
               "shadowing programme.",
               "The report was approved with minor amendments.",
               [("Submit the quarterly report to the Primary Care Board", "macrae", 2),
                ("Present the quarterly report at acute clinical governance", "okafor", 6)]),
    ),
}

# Meeting by meeting, oldest first: the business items ("key+" is the topic's follow-up discussion).
SCHEDULE: list[list[str]] = [
    ["letters", "results", "fit_notes"],
    ["advice_guidance", "letters+", "shadowing"],
    ["meds_rec", "referrals_derm", "results+"],
    ["phlebotomy", "advice_guidance+", "sea_cancer"],
    ["meds_rec+", "it_letters", "shadowing+"],
    ["newsletter", "referrals_derm+", "phlebotomy+"],
    ["sea_cancer+", "learning_event", "fit_notes+"],
    ["it_letters+", "quarterly", "learning_event+"],
]

# The meetings still to come: (title, kind, presenter, minutes, issue, paper) per business item.
UPCOMING: list[list[tuple]] = [
    [("Immediate discharge letters: re-audit results", "discussion", "okafor", 20, "lo_letters", "reaudit"),
     ("Winter plan: pressures at the interface", "discussion", "kerr", 20, None, "winter"),
     ("Advice and guidance: six-month evaluation", "decision", "henderson", 15, None, None),
     ("Cardiology: direct access echocardiography", "discussion", "campbell", 15, "lo_echo", None)],
    [("Annual report and work plan for next year", "decision", "macrae", 20, None, None),
     ("Medicines reconciliation: go-live review", "discussion", "adeyemi", 15, "lo_meds", None)],
]
