"""Fictional interface issues and significant event analyses: roles and organisations only, never patients."""

from __future__ import annotations


def _issue(group: str, title: str, raised_by: tuple[str, str, str], direction: str, category: str,
           specialty: str, severity: str, status: str, description: str, impact: str, *, weeks_ago: int = 0,
           resolution: str = "", learning: str = "", shared: bool = False, sea: dict | None = None) -> dict:
    role, sector, organisation = raised_by
    return dict(group=group, title=title, raised_by_role=role, raised_by_sector=sector,
                raised_by_organisation=organisation, direction=direction, category=category, specialty=specialty,
                severity=severity, status=status, description=description, impact=impact, weeks_ago=weeks_ago,
                resolution=resolution, learning=learning, shared=shared, sea=sea)


GP_LEITH = ("GP", "primary", "Leith Links Medical Practice")
GP_CRAIG = ("GP", "primary", "Craigmount Health Centre")
GP_MUSS = ("GP", "primary", "Musselburgh Bay Practice")
GP_PENT = ("GP", "primary", "Pentland View Surgery")
PM_PENT = ("Practice manager", "primary", "Pentland View Surgery")
CONS_BGH = ("Consultant", "secondary", "Braidburn General Hospital")
PHARM_BGH = ("Pharmacist", "secondary", "Braidburn General Hospital")
GP_CAIRN = ("GP", "primary", "Cairngorm View Surgery")
GP_MORAY = ("GP", "primary", "Moray Firth Medical Group")
GP_NESS = ("GP", "primary", "Loch Ness Health Centre")
DN_CAL = ("District nurse", "primary", "Caledonian Canal Practice")
CONS_NGH = ("Consultant", "secondary", "Ness General Hospital")
PHARM_HG = ("Pharmacist", "primary", "Highland Primary Care Pharmacy Team")

ISSUES: dict[str, dict] = {
    "lo_letters": _issue(
        "lothian", "Immediate discharge letters arriving late from acute medicine", GP_LEITH, "secondary_to_primary",
        "letters", "general_medicine", "high", "action_agreed",
        "Discharge letters from the acute medical unit frequently reach practices several days after discharge, "
        "particularly after weekend discharges.",
        "Practices review patients without knowing about medicine changes or follow-up arranged by the hospital.",
        learning="Weekend sign-off depends on senior nursing cover; a rota improves timeliness."),
    "lo_results": _issue(
        "lothian", "Results of clinic-requested tests sent to GPs without instructions", GP_CRAIG,
        "secondary_to_primary", "results", "gastroenterology", "moderate", "resolved",
        "Results of tests requested at outpatient clinics are copied to practices with no indication of who "
        "will act on them.",
        "Practices act on results they did not request, or assume the clinic will; abnormal results may be missed.",
        resolution="Local statement approved: the requesting clinician reviews and acts on the result.",
        learning="Responsibility for a result follows the request.", shared=True),
    "lo_fitnotes": _issue(
        "lothian", "Patients sent to GP for fit notes after surgery", GP_MUSS, "secondary_to_primary", "fit_notes",
        "general_surgery", "low", "resolved",
        "Patients discharged after surgery are told to see their GP for a fit note covering their recovery.",
        "Avoidable GP appointments; patients without a fit note for the first days after discharge.",
        resolution="Fit notes added to the surgical discharge checklist and junior doctor induction.", shared=True),
    "lo_meds": _issue(
        "lothian", "Medicine changes on discharge letters without a reason", PHARM_BGH, "secondary_to_primary",
        "prescribing", "pharmacy", "high", "under_review",
        "About one in five discharge letters list a medicine stopped, started or changed without a reason.",
        "Practice pharmacists spend time clarifying changes; some changes are reversed in error."),
    "lo_derm": _issue(
        "lothian", "Dermatology referrals returned for lack of photographs", GP_PENT, "secondary_to_primary",
        "referrals", "dermatology", "moderate", "action_agreed",
        "Routine dermatology referrals without images are returned to practices for resubmission.",
        "Delays of several weeks for patients; repeat appointments to take photographs."),
    "lo_bloods": _issue(
        "lothian", "Clinics asking practices to arrange blood tests", PM_PENT, "secondary_to_primary", "workload",
        "other", "moderate", "action_agreed",
        "Outpatient clinics ask patients to book blood tests at their practice before the next clinic visit.",
        "Treatment room capacity taken from practice work; results go to the wrong clinician."),
    "lo_sea_imaging": _issue(
        "lothian", "Suspicious imaging finding not acted on for five weeks", GP_PENT, "both", "results",
        "radiology", "severe", "resolved",
        "A CT report noting a possible malignancy was sent to both the requesting team and the practice; each "
        "assumed the other would refer.",
        "Five-week delay to an urgent suspected cancer referral.",
        resolution="Radiology alert code for suspicious findings with a direct call to the requesting team.",
        learning="The requesting team owns the result; practices receive a clearly marked fail-safe copy.",
        shared=True,
        sea=dict(
            what_happened="A CT scan requested by a hospital team showed a lesion suspicious of malignancy. The "
                          "report was copied to the practice. The hospital team had discharged the patient from "
                          "clinic and assumed the practice would refer; the practice assumed the hospital team "
                          "would act. The finding was noticed five weeks later at a routine practice review.",
            why="No agreed rule about who acts on a result requested by one team and copied to another. The "
                "copy to the practice did not state that it was for information only. The clinic episode had "
                "closed, so the report was filed without review.",
            learned="Copies of results create a false sense of safety. Both sectors need a single, explicit "
                    "owner for every result and a fail-safe for findings that need urgent action.",
            changed="Radiology now uses an alert code for suspicious findings with a telephone call to the "
                    "requesting team. Copies to practices are marked 'fail-safe copy: action by requester'.",
            impact="Delay of five weeks to referral; the patient was reviewed urgently once found.",
            contributory_factors="Closed clinic episode; ambiguous copy; no alert for suspicious findings; high "
                                 "volume of results filed by administrative staff.",
            harm="potential_harm", risk_grade=4,
            learning_needs="Teaching for junior doctors on result ownership; practice administrative staff "
                           "training on results that need clinical review.",
            participants="GP and practice manager, Pentland View Surgery\nConsultant radiologist and radiology "
                         "services manager, Braidburn General Hospital\nConsultant in acute medicine",
            facilitator="Interface group co-lead (consultant in acute medicine)")),
    "lo_it": _issue(
        "lothian", "Actions for GP hidden in long clinic letters", PM_PENT, "secondary_to_primary", "letters",
        "cardiology", "moderate", "action_agreed",
        "Requests for practices to act are embedded in narrative clinic letters several pages long.",
        "Requests are missed or found late; administrative staff cannot code them."),
    "lo_echo": _issue(
        "lothian", "No direct GP access to echocardiography", GP_LEITH, "primary_to_secondary", "referrals",
        "cardiology", "moderate", "new",
        "Practices must refer to a cardiology clinic to obtain an echocardiogram for suspected heart failure.",
        "Longer waits for diagnosis; clinic appointments used for a test.", weeks_ago=3),
    "lo_sea_allergy": _issue(
        "lothian", "Penicillin allergy missing from a referral letter", CONS_BGH, "primary_to_secondary",
        "communication", "general_surgery", "high", "closed",
        "A referral letter generated from a practice template did not include the allergy list.",
        "A penicillin-based antibiotic was prescribed pre-operatively and withheld only after the patient spoke up.",
        weeks_ago=40, resolution="Practice referral templates now pull the allergy list automatically.",
        learning="Templates must be tested after system upgrades.", shared=True,
        sea=dict(
            what_happened="A routine surgical referral letter created from a practice template did not include "
                          "the patient's recorded penicillin allergy. A penicillin-based antibiotic was prescribed "
                          "at pre-operative assessment and was stopped before administration when the patient "
                          "mentioned the allergy.",
            why="A practice system upgrade had changed a template field name, so the allergy section printed "
                "blank. Pre-assessment relied on the referral letter rather than asking directly.",
            learned="Template changes after upgrades need checking. Allergy status should always be confirmed "
                    "with the patient at pre-assessment.",
            changed="All practice referral templates were checked and corrected. Pre-assessment documentation "
                    "now prompts a direct allergy question.",
            impact="No harm; near miss.", contributory_factors="System upgrade; untested template; reliance on "
                                                               "a single source of allergy information.",
            harm="no_harm", risk_grade=3,
            learning_needs="Practice staff: checking templates after upgrades. Pre-assessment nurses: allergy "
                           "confirmation.",
            participants="GP and practice manager of the referring practice\nConsultant surgeon and "
                         "pre-assessment nurse, Braidburn General Hospital",
            facilitator="Interface group lead (GP)")),
    "lo_ooh": _issue(
        "lothian", "Out-of-hours results with no named clinician", GP_CRAIG, "secondary_to_primary", "results",
        "laboratory", "moderate", "closed", "Critical results phoned out of hours to the practice rather than the "
        "requesting clinician.", "Out-of-hours service called for results of patients still in hospital.",
        weeks_ago=46, resolution="Laboratory call list corrected.", learning="Check call lists after staff changes."),
    "lo_psych": _issue(
        "lothian", "Mental health discharge plans not reaching practices", GP_MUSS, "secondary_to_primary",
        "communication", "psychiatry", "high", "under_review",
        "Discharge plans from adult mental health wards arrive weeks after discharge.",
        "Practices unaware of new medicines or of risk management plans.", weeks_ago=8),
    "lo_paeds": _issue(
        "lothian", "Children's growth monitoring requests without guidance", GP_PENT, "secondary_to_primary",
        "workload", "paediatrics", "low", "new",
        "Paediatric clinics ask practices to measure height and weight without giving centile charts or "
        "thresholds.", "Uncertainty about when to re-refer.", weeks_ago=2),
    "lo_urology": _issue(
        "lothian", "PSA monitoring after urology discharge", CONS_BGH, "both", "results", "urology", "moderate",
        "resolved", "Patients discharged from urology follow-up without a clear PSA monitoring plan.",
        "Monitoring either duplicated or missed.", weeks_ago=34,
        resolution="Discharge letter template now includes a monitoring plan section."),
    "lo_referral_format": _issue(
        "lothian", "Referrals without current medicines list", CONS_BGH, "primary_to_secondary", "referrals",
        "general_medicine", "low", "closed",
        "Some referrals arrive without a current medicines list.", "Clinic time spent reconciling medicines.",
        weeks_ago=50, resolution="Practice templates updated to attach medicines automatically."),
    # Highland
    "hg_transport": _issue(
        "highland", "Outpatient appointment times impossible for island patients", GP_CAIRN, "secondary_to_primary",
        "remote_and_rural_access", "other", "high", "action_agreed",
        "Morning clinic times cannot be reached by ferry or public transport from several communities.",
        "Missed appointments, 'did not attend' discharges and overnight stays at patients' own expense."),
    "hg_dmard": _issue(
        "highland", "DMARD monitoring transferred before patients are stable", GP_MORAY, "secondary_to_primary",
        "prescribing", "general_medicine", "high", "resolved",
        "Shared care of DMARD monitoring is transferred to practices in the first weeks of treatment.",
        "Practices monitor unstable results without specialist support.",
        resolution="Shared care agreement amended: transfer after three months of stable results.", shared=True),
    "hg_results": _issue(
        "highland", "Visiting clinic results reported to GPs", GP_MORAY, "secondary_to_primary", "results",
        "laboratory", "moderate", "under_review",
        "Results from tests requested at visiting clinics in rural hospitals are addressed to the practice.",
        "Practices receive results they did not request and cannot interpret in context."),
    "hg_usc": _issue(
        "highland", "No acknowledgement of urgent suspected cancer referrals", GP_NESS, "primary_to_secondary",
        "referrals", "oncology", "high", "resolved",
        "Practices receive no confirmation that urgent suspected cancer referrals have been received.",
        "Practices cannot safety-net effectively.",
        resolution="Tracking team acknowledges every referral within two working days.", shared=True),
    "hg_sea_anticoag": _issue(
        "highland", "Anticoagulant change not on discharge letter", PHARM_HG, "secondary_to_primary",
        "prescribing", "geriatrics", "severe", "action_agreed",
        "An anticoagulant was switched in hospital but the discharge letter listed the previous medicine.",
        "Both anticoagulants supplied for one week.",
        learning="Pharmacy check of anticoagulants on every discharge letter.",
        sea=dict(
            what_happened="During an admission an anticoagulant was switched to a different agent. The discharge "
                          "letter listed the original medicine. The practice updated the repeat list from the "
                          "letter and both medicines were dispensed for a week until the community pharmacist "
                          "queried the combination.",
            why="The discharge letter medicine list was copied from the admission list and not updated after the "
                "switch. Pharmacy reconciliation was not completed because of a weekend discharge.",
            learned="High-risk medicines need a specific check on discharge. Community pharmacists are an "
                    "important safety net and should be told about changes.",
            changed="Pharmacy now checks every anticoagulant on discharge letters, including weekends. The "
                    "letter template highlights anticoagulant changes.",
            impact="Duplicate anticoagulation for one week; no bleeding occurred.",
            contributory_factors="Weekend discharge; copied medicine list; no reconciliation; no highlight for "
                                 "high-risk medicines.",
            harm="potential_harm", risk_grade=5,
            learning_needs="Foundation doctors: discharge prescribing of high-risk medicines. Practice staff: "
                           "querying duplicate anticoagulants.",
            participants="Consultant in medicine for the elderly and ward pharmacist, Ness General Hospital\n"
                         "GP and practice pharmacist of the patient's practice\nCommunity pharmacist",
            facilitator="Primary care pharmacist, Highland Primary Care Pharmacy Team")),
    "hg_weekend": _issue(
        "highland", "Friday evening discharges to remote areas without community support", DN_CAL,
        "secondary_to_primary", "communication", "geriatrics", "high", "action_agreed",
        "Patients are discharged late on Fridays to remote areas when district nursing and care cannot start "
        "until Monday.", "Unsupported patients at home over the weekend; avoidable readmissions."),
    "hg_camhs": _issue(
        "highland", "Child mental health referrals returned without signposting", GP_NESS, "secondary_to_primary",
        "referrals", "psychiatry", "moderate", "resolved",
        "Referrals not meeting the criteria are returned with no advice about alternative support.",
        "Families return to the practice repeatedly.",
        resolution="Returned referrals now include signposting to local services."),
    "hg_ortho": _issue(
        "highland", "Long waits for orthopaedic review with no point of contact", GP_CAIRN, "secondary_to_primary",
        "outpatients", "orthopaedics", "moderate", "new",
        "Patients waiting over a year for orthopaedic review contact their practice for updates.",
        "Practice time spent chasing waiting list information.", weeks_ago=4),
    "hg_sea_frailty": _issue(
        "highland", "Discharge home before care package started", DN_CAL, "secondary_to_primary", "communication",
        "geriatrics", "high", "closed",
        "A frail patient was discharged home to a remote area before the agreed care package had started.",
        "The patient was found by a neighbour unable to get out of bed; readmitted the next day.",
        weeks_ago=42, resolution="Discharge checklist requires confirmation of the care package start date.",
        learning="Discharge planning must confirm, not assume, that community services are in place.", shared=True,
        sea=dict(
            what_happened="A frail older person was discharged on a Friday to a remote village. The care package "
                          "was due to start on Monday but the ward understood it had started. The person could "
                          "not manage alone and was readmitted the following day.",
            why="The care package start date was recorded only in the social work system. The ward relied on a "
                "verbal handover. No contact was made with the district nursing team.",
            learned="Confirmation of community support must be documented before discharge, especially before "
                    "weekends and to remote areas.",
            changed="The discharge checklist requires the care package start date and a named community "
                    "contact. Weekend discharges to remote areas need senior nurse approval.",
            impact="Distress, an avoidable readmission and two extra bed days.",
            contributory_factors="Weekend; remote location; information held in separate systems; verbal "
                                 "handover.", harm="harm", risk_grade=4,
            learning_needs="Ward staff: discharge planning for remote and rural patients.",
            participants="Ward charge nurse and discharge coordinator, Ness General Hospital\nDistrict nurse, "
                         "Caledonian Canal Practice\nHSCP care at home manager",
            facilitator="Interface group lead (GP)")),
    "hg_oxygen": _issue(
        "highland", "Home oxygen assessments require travel to Inverness", GP_CAIRN, "primary_to_secondary",
        "remote_and_rural_access", "respiratory", "moderate", "under_review",
        "Assessments for home oxygen are only available at the main hospital.",
        "Patients with severe lung disease travel long distances for a short assessment.", weeks_ago=6),
    "hg_it": _issue(
        "highland", "Rural hospital letters not arriving electronically", GP_MORAY, "secondary_to_primary",
        "it_systems", "rural_general_hospital", "moderate", "closed",
        "Clinic letters from one rural general hospital are printed and posted.",
        "Letters arrive a week late and must be scanned by practices.", weeks_ago=48,
        resolution="The site has been connected to electronic document transfer."),
    "hg_vaccines": _issue(
        "highland", "Post-splenectomy vaccinations left to practices without notice", GP_NESS,
        "secondary_to_primary", "workload", "general_surgery", "low", "closed",
        "Practices learn of the need for post-splenectomy vaccinations only from the discharge letter.",
        "Delayed vaccination.", weeks_ago=38, resolution="Surgical wards give the first vaccines before discharge."),
    "hg_pharmacy": _issue(
        "highland", "Hospital-only medicines requested from GPs", PHARM_HG, "secondary_to_primary", "prescribing",
        "pharmacy", "moderate", "new",
        "Clinic letters ask practices to prescribe medicines designated hospital-only.",
        "Practices must decline and patients go without while this is resolved.", weeks_ago=1),
    "hg_referral_rejections": _issue(
        "highland", "Rejected ENT referrals without explanation", GP_CAIRN, "secondary_to_primary", "referrals",
        "ent", "low", "under_review", "ENT referrals are returned with a standard letter giving no reason.",
        "Practices cannot tell whether to re-refer or manage locally.", weeks_ago=10),
}

# Actions raised between meetings against an issue: (issue, action, owner, weeks until due, status).
ISSUE_ACTIONS: list[tuple[str, str, str, int, str]] = [
    ("lo_echo", "Gather data on echocardiography referrals from practices", "sandhu", 3, "open"),
    ("lo_psych", "Meet the mental health clinical director about discharge plans", "macrae", 2, "in_progress"),
    ("lo_paeds", "Ask the paediatric service for growth monitoring guidance", "rossi", 5, "open"),
    ("lo_meds", "Check go-live date of the discharge template change with eHealth", "adeyemi", -2, "in_progress"),
    ("lo_derm", "Confirm which practices have received dermatoscopes", "lindsay", 0, "open"),
    ("lo_letters", "Publish monthly discharge letter timeliness figures", "okafor", -3, "open"),
    ("hg_oxygen", "Ask respiratory physiology about outreach oxygen assessments", "forbes", 4, "in_progress"),
    ("hg_ortho", "Request waiting list information line details for practices", "maclennan", 0, "open"),
    ("hg_pharmacy", "Write to clinics about hospital-only medicines", "ali", 3, "open"),
    ("hg_referral_rejections", "Discuss ENT rejection letters with the service manager", "mackay", -1, "open"),
    ("hg_weekend", "Audit Friday discharges to remote areas over one quarter", "duncan", 6, "in_progress"),
    ("hg_transport", "Share clinic booking guidance on journey times with all specialties", "mackay", -5, "open"),
    ("lo_it", "Ask cardiology for a date to start the new letter section", "kerr", 0, "open"),
    ("lo_sea_allergy", "Confirm all practice referral templates were re-checked", "mclean", -20, "done"),
    ("hg_oxygen", "Estimate travel saved by local oxygen assessments", "patel", -1, "in_progress"),
    ("hg_results", "Escalate outstanding requester set-up to the eHealth lead", "munro", 0, "done"),
]
