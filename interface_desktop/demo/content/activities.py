"""Fictional relationship-building activities: shadowing pairs, a webinar, teaching, a visit, a learning event."""

from __future__ import annotations


def _activity(group: str, kind: str, title: str, weeks_ago: int, *, days: int = 0, host: str = "",
              location: str = "", description: str = "", outcomes: str = "", follow_ups: str = "",
              participants: list[tuple[str, str, str]] = (), feedback: list[tuple[int, str, str]] = ()) -> dict:
    return dict(group=group, kind=kind, title=title, weeks_ago=weeks_ago, days=days, host_department=host,
                location=location, description=description, outcomes=outcomes, follow_ups=follow_ups,
                participants=list(participants), feedback=list(feedback))


ACTIVITIES: list[dict] = [
    _activity(
        "lothian", "shadowing", "GP shadowing in the acute medical unit", 40, host="Acute Medicine",
        location="Braidburn General Hospital",
        description="A GP spent a morning with the acute medicine team, from the post-take ward round to discharge "
                    "planning.",
        outcomes="Shared understanding of why letters are delayed at weekends; idea for a sign-off rota.",
        participants=[("macrae", "visitor", "Seeing the volume of discharges before noon explained the letter "
                       "delays better than any audit. The team were keen to hear what practices need first."),
                      ("okafor", "host", "Useful to hear which parts of the letter GPs read first.")],
        feedback=[(5, "primary", "Eye-opening; every GP trainee should do this."),
                  (4, "secondary", "Good discussion; more time for questions next time.")]),
    _activity(
        "lothian", "shadowing", "Consultant shadowing in general practice", 36, host="Leith Links Medical Practice",
        location="Leith Links Medical Practice",
        description="A consultant gastroenterologist spent a day in general practice, including a duty doctor "
                    "session.",
        outcomes="Advice-and-guidance replies to include a clear plan the practice can follow.",
        participants=[("henderson", "visitor", "I had not appreciated how many results and letters a GP handles "
                       "in a day. Our replies need to be short and specific."),
                      ("sandhu", "host", "A chance to show what happens to our referrals after they leave.")],
        feedback=[(5, "secondary", "Changed how I write advice replies."), (5, "primary", "Excellent.")]),
    _activity(
        "lothian", "shadowing", "GP shadowing in general surgery", 28, host="General Surgery",
        location="Braidburn General Hospital",
        description="A GP joined the surgical receiving team for a day, including the day surgery unit.",
        outcomes="Fit notes added to the surgical discharge checklist.",
        participants=[("baird", "visitor", "The surgical juniors did not know they could issue fit notes."),
                      ("nowak", "host", "A practical fix came out of one conversation.")],
        feedback=[(4, "primary", "Very practical."), (4, "secondary", "Worth repeating.")]),
    _activity(
        "lothian", "shadowing", "Dermatologist visit to general practice", 18, host="Pentland View Surgery",
        location="Pentland View Surgery",
        description="A consultant dermatologist spent an afternoon with a GP seeing skin problems in practice.",
        outcomes="Image-taking guidance rewritten with practice staff in mind.",
        participants=[("fraser", "visitor", "The cameras in practice are not up to the job; funding matters."),
                      ("rossi", "host", "Helpful to discuss borderline referrals case by case.")],
        feedback=[(5, "primary", "Really valuable."), (4, "secondary", "Good use of time.")]),
    _activity(
        "lothian", "webinar", "Advice and guidance: getting the most from it", 22, location="Microsoft Teams",
        description="A lunchtime webinar for practices on using the gastroenterology advice-and-guidance service.",
        outcomes="112 attendees; recording shared with all practices.",
        follow_ups="Frequently asked questions to be added to the referral guidance.",
        participants=[("henderson", "presenter", ""), ("lindsay", "organiser", ""), ("baird", "attendee", ""),
                      ("rossi", "attendee", "")],
        feedback=[(4, "primary", "Clear and practical."), (5, "primary", "Good to put faces to names."),
                  (3, "primary", "Too short for questions."), (4, "other", "Well organised.")]),
    _activity(
        "lothian", "shared_learning", "Autumn shared learning evening: cases from the interface", 4,
        location="Education Centre, Braidburn General Hospital",
        description="An evening event for GPs and hospital doctors with three case-based workshops built on this "
                    "year's interface issues and significant events.",
        outcomes="64 clinicians attended; workshops on results ownership, discharge medicines and fit notes.",
        follow_ups="Plan a joint event with the Highland group next year.",
        participants=[("macrae", "organiser", ""), ("okafor", "presenter", ""), ("rossi", "presenter", ""),
                      ("adeyemi", "presenter", ""), ("sandhu", "attendee", ""), ("nowak", "attendee", "")],
        feedback=[(5, "primary", "Best learning event this year."), (5, "secondary", "More of these, please."),
                  (4, "primary", "Would like more time in mixed groups."), (4, "secondary", "Useful cases.")]),
    _activity(
        "highland", "shadowing", "Consultant day in a remote practice", 34, host="Cairngorm View Surgery",
        location="Cairngorm View Surgery",
        description="A consultant geriatrician spent a day with a rural GP, including home visits.",
        outcomes="Weekend discharge planning for remote areas added to the group's work plan.",
        participants=[("grant", "visitor", "Two hours of driving between home visits changed how I think about "
                       "discharging on a Friday."),
                      ("munro", "host", "Good to show what 'follow up with GP' means here.")],
        feedback=[(5, "secondary", "Should be part of consultant induction."), (5, "primary", "Excellent.")]),
    _activity(
        "highland", "shadowing", "GP shadowing in respiratory medicine", 24, host="Respiratory Medicine",
        location="Ness General Hospital",
        description="A GP joined respiratory clinics, including a video clinic.",
        outcomes="Video consultation rooms in practices proposed.",
        participants=[("patel", "visitor", "Video review works well for many of our patients if they have a "
                       "place to join from."),
                      ("forbes", "host", "Useful to hear about broadband problems in rural areas.")],
        feedback=[(4, "primary", "Very useful."), (4, "secondary", "Worthwhile.")]),
    _activity(
        "highland", "joint_teaching", "Frailty at the interface: joint teaching session", 14,
        location="Board Room, Ness General Hospital, and Microsoft Teams",
        description="Joint teaching for GP trainees and foundation doctors on frailty and discharge planning.",
        outcomes="38 trainees attended; teaching pack shared.",
        participants=[("grant", "presenter", ""), ("duncan", "presenter", ""), ("sutherland", "attendee", "")],
        feedback=[(5, "primary", "Realistic cases."), (4, "secondary", "Good mix of trainees.")]),
    _activity(
        "highland", "visit", "Visit to a rural general hospital", 9, days=1, host="Rural general hospital team",
        location="Northcoast Rural General Hospital",
        description="Group members visited a rural general hospital to understand visiting clinic arrangements.",
        outcomes="Requester set-up problems for visiting consultants confirmed at two sites.",
        follow_ups="eHealth to complete requester set-up.",
        participants=[("mackay", "organiser", ""), ("patel", "attendee", ""), ("maclennan", "attendee", "")],
        feedback=[(4, "primary", "Helpful to see the set-up in person.")]),
]
