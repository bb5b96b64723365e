"""Plausible interface-group wording and PDF papers for generated databases (seeded, so runs repeat)."""

from __future__ import annotations

import io
import random

TOPICS = (
    "discharge letters", "results handling", "referral guidance", "fit notes", "shared care protocol",
    "clinic letters", "prescribing on discharge", "outpatient follow-up", "IT access to hospital records",
    "sample labelling", "anticoagulation monitoring", "DMARD shared care", "frailty pathway", "diabetes clinic",
    "radiology requests", "out-of-hours handover", "palliative care plans", "medication reconciliation",
    "community nursing referrals", "mental health crisis pathway", "two-week-wait referrals", "phlebotomy",
    "Emergency Care Summary", "Key Information Summary", "immediate discharge letters", "ECG reporting",
)
VERBS = ("Review", "Agree", "Circulate", "Draft", "Audit", "Escalate", "Confirm", "Update", "Pilot", "Report on")
OUTCOMES = ("guidance for practices", "a joint protocol", "the referral form", "the template letter",
            "a short audit", "the pathway document", "figures for the next meeting", "a newsletter item")
SENTENCES = (
    "The group discussed {t} and noted recurring delays reported by practices.",
    "Secondary care colleagues described the pressure on {t} since the winter.",
    "GPs reported that {t} often arrives without a clear plan for primary care.",
    "It was agreed that {t} should be raised with the clinical director.",
    "Members welcomed the progress on {t} and asked for figures at the next meeting.",
    "A short audit of {t} across three practices showed mixed results.",
    "The chair summarised the discussion on {t} and the options available.",
    "Concerns about {t} were shared by both sectors, with examples from recent weeks.",
    "The lead explained the changes planned for {t} and invited comments.",
    "There was agreement that {t} needs a single point of contact.",
)
FIRST = ("Alison", "Brian", "Catriona", "David", "Eilidh", "Fraser", "Gillian", "Hamish", "Iona", "James", "Kirsty",
         "Lewis", "Morag", "Neil", "Fiona", "Rory", "Shona", "Stuart", "Morven", "Euan", "Ishbel", "Callum")
LAST = ("Anderson", "Brown", "Campbell", "Douglas", "Fraser", "Grant", "Henderson", "Johnston", "Kerr", "MacDonald",
        "MacLeod", "Mitchell", "Paterson", "Reid", "Robertson", "Ross", "Scott", "Stewart", "Thomson", "Wilson")
ORGANISATIONS = ("Royal Infirmary", "Western General", "St John's Hospital", "Victoria Hospital", "Ninewells",
                 "Leith Medical Practice", "Bridge Street Surgery", "Riverside Practice", "Hillview Health Centre",
                 "Castle Medical Group", "Meadows Practice", "Harbour Surgery")
ISSUE_TITLES = ("Delayed {t}", "Missing information in {t}", "Unclear responsibility for {t}",
                "Duplicate requests for {t}", "Workload transfer through {t}", "Access problems with {t}")


class Corpus:
    """Seeded random choices of names, titles and paragraphs."""

    def __init__(self, seed: int = 2026):
        self.rnd = random.Random(seed)

    def topic(self) -> str:
        return self.rnd.choice(TOPICS)

    def person_name(self, n: int) -> str:
        title = "Dr " if n % 3 else ""
        return f"{title}{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n:04d}"

    def organisation(self) -> str:
        return self.rnd.choice(ORGANISATIONS)

    def paragraph(self, sentences: int = 3, topic: str | None = None) -> str:
        return " ".join(self.rnd.choice(SENTENCES).format(t=topic or self.topic()) for _ in range(sentences))

    def action_text(self) -> str:
        return f"{self.rnd.choice(VERBS)} {self.topic()} and produce {self.rnd.choice(OUTCOMES)}"

    def issue_title(self) -> str:
        return self.rnd.choice(ISSUE_TITLES).format(t=self.topic())


def paper_pdf(title: str, pages: int, corpus: Corpus) -> bytes:
    """A text-only PDF paper of the given length, as a board paper would be."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    for page in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(60, height - 70, f"{title} ({page}/{pages})")
        pdf.setFont("Helvetica", 10)
        text = pdf.beginText(60, height - 100)
        for _ in range(40):
            text.textLine(corpus.paragraph(1)[:100])
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()
