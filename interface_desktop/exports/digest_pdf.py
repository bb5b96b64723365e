"""The readable summary inside a learning digest: one PDF of what the group shared, for people without the app."""

from __future__ import annotations

import tempfile
from pathlib import Path

from interface_desktop.exports import pdf_styles
from interface_desktop.exports.text import medium_date, range_text
from interface_desktop.services.network.digest import DigestItem, DigestPlan
from interface_desktop.services.network.quality import QUALITY_FLAG_LABELS
from interface_desktop.vocab import (
    ACTIVITY_KIND_LABELS,
    ISSUE_DIRECTION_LABELS,
    LEARNING_KIND_LABELS,
    LEARNING_STAGE_LABELS,
    THEME_LABELS,
)

# (digest field, heading) in the order a reader follows an item from problem to outcome.
SECTIONS = (("problem", "The problem"), ("what_was_done", "What was done"), ("outcome", "Outcome"),
            ("learned", "What has been learned"), ("changed", "What has been changed"))


def _facts(item: DigestItem) -> list[tuple[str, str]]:
    # The theme is the section the item is printed under, so it is not repeated here.
    facts = [("Stage:", LEARNING_STAGE_LABELS[item.stage])]
    if item.kind == "activity":
        facts.insert(0, ("Activity:", ACTIVITY_KIND_LABELS.get(item.activity_kind, item.activity_kind)))
        if item.feedback_average is not None:
            facts.append(("Feedback:", f"average {item.feedback_average:.1f} from {item.feedback_count} responses"))
    else:
        facts[0:0] = [("Direction:", ISSUE_DIRECTION_LABELS.get(item.direction, item.direction)),
                      ("Category:", item.category)]
    if item.quality_flags:
        facts.append(("Note:", "; ".join(QUALITY_FLAG_LABELS[f] for f in item.quality_flags)))
    return facts


def _item_story(item: DigestItem) -> list:
    heading = f"{item.reference}: {item.title}" if item.reference else item.title
    story = [pdf_styles.para(heading, "h2"), pdf_styles.para(LEARNING_KIND_LABELS[item.kind], "small")]
    story += [pdf_styles.labelled(label, value) for label, value in _facts(item)]
    for name, title in SECTIONS:
        text = getattr(item, name).strip()
        if text:
            story.append(pdf_styles.labelled(f"{title}:", text))
    return story


def summary_story(plan: DigestPlan) -> list:
    period = range_text(plan.period_from, plan.period_to)
    story = [pdf_styles.para("Learning digest", "title"),
             pdf_styles.para(f"{plan.group_name}, NHS {plan.board_name}: {period}", "subtitle")]
    if plan.lead is not None:
        lead = plan.lead
        contact = ", ".join(part for part in (lead.role, lead.organisation, lead.email) if part)
        story.append(pdf_styles.labelled("Contact:", f"{lead.name} ({contact})" if contact else lead.name, "body"))
    if not plan.items:
        story.append(pdf_styles.para("Nothing was shared for this period."))
    for theme, label in THEME_LABELS.items():
        items = [item for item in plan.items if item.theme == theme]
        if items:
            story.append(pdf_styles.para(label, "h1"))
            for item in items:
                story += _item_story(item)
    return story


def summary_pdf(plan: DigestPlan) -> bytes:
    """The summary as PDF bytes, to be sealed into the digest beside the records it describes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "summary.pdf"
        about = pdf_styles.About(f"Learning digest: {plan.group_name}", plan.group_name,
                                 f"Learning shared by {plan.group_name}, NHS {plan.board_name}")
        pdf_styles.build(path, summary_story(plan), about,
                         header=f"{plan.group_name} - learning digest {medium_date(plan.period_to)}")
        return path.read_bytes()
