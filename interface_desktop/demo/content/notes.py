"""Short texts the example data draws on: action progress notes, any other business, declarations."""

from __future__ import annotations

# Short progress notes used for action updates; chosen deterministically.
UPDATE_NOTES = (
    "Discussed with the clinical director; draft circulated for comment.",
    "Initial meeting held; a short paper will come to the next meeting.",
    "Data requested from eHealth; awaiting extract.",
    "Draft shared with practice representatives; comments due next week.",
    "Agreed in principle; waiting for sign-off from the service manager.",
    "Progress slower than hoped because of winter pressures.",
    "Completed and circulated to members by e-mail.",
    "Raised at the departmental meeting; support given.",
)

ANY_OTHER_BUSINESS = (
    "No other business was raised.",
    "Members were reminded that annual declaration of interest forms are due by the end of the month.",
    "The chair thanked members for their contributions to the winter newsletter.",
    "A member asked that papers be circulated a full week before meetings; the secretary agreed.",
    "The group noted the national consultation on the future of interface groups; members to respond "
    "individually.",
    "No other business was raised.",
)

# (group, meeting number from 0) -> (person, declaration of interest)
DECLARATIONS: dict[tuple[str, int], tuple[str, str]] = {
    ("lothian", 1): ("sandhu", "Declared an interest as a GP partner in a practice taking part in the "
                               "advice-and-guidance pilot."),
    ("lothian", 5): ("fraser", "Declared an interest as a clinical adviser to a company supplying dermatoscopes; "
                               "took no part in the discussion of device funding."),
    ("highland", 2): ("robertson", "Declared an interest as practice manager of a practice hosting a video "
                                   "consultation room."),
}
