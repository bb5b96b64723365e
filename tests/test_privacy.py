"""Identifier detectors: check digits, layouts, properties over generated identifiers, corpus figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interface_desktop.privacy import (
    find_identifiers,
    is_chi,
    is_nhs,
    mod10_check_digit,
    mod11_check_digit,
    redact,
    valid_ddmmyy,
)
from tests.support.privacy_corpus import layouts, measure

LIMITED = settings(max_examples=150, deadline=None)


def test_check_digits_follow_the_published_examples():
    # NHS Digital's worked example: 943 476 5919.
    assert mod11_check_digit("943476591") == 9 and is_nhs("9434765919")
    # Payload 010160123: digits 3, 1, 6, 0, 0 (positions 1, 3, 5, 7, 9 from the right) doubled to
    # 6, 2, 3 (12 - 9), 0, 0; plus 2, 0, 1, 1 = 15; check = (10 - 5) mod 10 = 5.
    assert mod10_check_digit("010160123") == 5 and is_chi("0101601235")
    # Modulus 11 on the same payload: 0*10+1*9+0*8+1*7+6*6+0*5+1*4+2*3+3*2 = 68; 11 - 68 mod 11 = 9.
    assert mod11_check_digit("010160123") == 9 and is_chi("0101601239")


def test_modulus_11_result_ten_is_invalid_and_eleven_is_zero():
    ten = next(p for p in (f"{n:09d}" for n in range(10**5)) if mod11_check_digit(p) is None)
    assert not is_nhs(ten + "0") and not any(is_nhs(ten + str(d)) for d in range(10))
    zero = next(p for p in (f"{n:09d}" for n in range(10**5)) if mod11_check_digit(p) == 0)
    assert is_nhs(zero + "0")


def test_ddmmyy_dates():
    assert valid_ddmmyy("290200") and valid_ddmmyy("290296") and not valid_ddmmyy("290201")
    assert not valid_ddmmyy("310460") and not valid_ddmmyy("001260") and not valid_ddmmyy("011360")


payloads = st.tuples(st.dates(), st.integers(0, 999)).map(lambda t: t[0].strftime("%d%m%y") + f"{t[1]:03d}")


@LIMITED
@given(payloads, st.sampled_from(["mod11", "mod10"]), st.data())
def test_every_valid_chi_is_found_in_every_layout(payload, scheme, data):
    check = mod11_check_digit(payload) if scheme == "mod11" else mod10_check_digit(payload)
    if check is None:
        return
    chi = payload + str(check)
    written = data.draw(st.sampled_from(layouts(chi, six_four=True)))
    text = f"Pt {written} seen."
    hits = find_identifiers(text)
    assert [(h.kind, h.text) for h in hits] == [("chi", written)]
    assert redact(text, hits) == "Pt [CHI removed] seen."


@LIMITED
@given(st.integers(10**8, 10**9 - 1), st.data())
def test_every_valid_nhs_number_is_found(number, data):
    payload = str(number)
    check = mod11_check_digit(payload)
    if check is None:
        return
    nhs = payload + str(check)
    written = data.draw(st.sampled_from(layouts(nhs, six_four=False)))
    hits = find_identifiers(f"NHS no. {written}")
    assert [h.text for h in hits] == [written]
    assert hits[0].kind == ("chi" if is_chi(nhs) else "nhs")


@LIMITED
@given(st.from_regex(r"\A\d{10}\Z"), st.data())
def test_ten_digit_numbers_failing_every_check_are_not_flagged(digits, data):
    if is_chi(digits) or is_nhs(digits):
        return
    written = data.draw(st.sampled_from(layouts(digits, six_four=True)))
    assert find_identifiers(f"Ref {written} noted") == []


@LIMITED
@given(st.text(max_size=300))
def test_findings_are_exact_spans_and_redaction_removes_them(text):
    hits = find_identifiers(text)
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text
    assert find_identifiers(redact(text, hits)) == []


@pytest.mark.parametrize("text, kinds", [
    ("DOB: 12/03/1956 and clinic on 14/03/2026", ["dob"]),
    ("d.o.b. 1.2.60", ["dob"]),
    ("Patient born on 3rd March 1956.", ["dob"]),
    ("Clinic on 3rd March 2026, then born-again review", []),
    ("Lives at EH16 4SA near the hospital; ward in EH16", ["postcode"]),
    ("Mrs. J. McDonald and Mr Smith attended; Dr Patel reviewed", ["name", "name"]),
    ("Call 0131 536 1000 or 07700 900123, ref LO-2026-014, met 30/01/2019", []),
])
def test_examples_from_real_narratives(text, kinds):
    assert [h.kind for h in find_identifiers(text)] == kinds


def _valid_chi(date_of_birth: str) -> str:
    """The first CHI number (modulus 11) for a DDMMYY date whose serial does not read as a clock time."""
    return next(payload + str(check) for payload in (f"{date_of_birth}{n:03d}" for n in range(100, 1000))
                if (check := mod11_check_digit(payload)) is not None)


CHI = _valid_chi("010285")  # 0102851018


@pytest.mark.parametrize("written", [
    f"{CHI[:2]}.{CHI[2:4]}.{CHI[4:6]} {CHI[6:]}", f"{CHI[:2]}-{CHI[2:4]}-{CHI[4:6]}-{CHI[6:]}",
    f"{CHI[:2]}/{CHI[2:4]}/{CHI[4:6]} {CHI[6:]}", f"{CHI[:2]}/{CHI[2:4]}/{CHI[4:6]}/{CHI[6:]}",
    f"{CHI[:2]}.{CHI[2:4]}.{CHI[4:6]}.{CHI[6:]}", f"{CHI[:2]}-{CHI[2:4]}-{CHI[4:6]}\u00a0{CHI[6:]}",
    f"{CHI[:2]}\u2011{CHI[2:4]}\u2011{CHI[4:6]}\u2011{CHI[6:]}", f"{CHI[:6]}\u2011{CHI[6:]}",
])
@pytest.mark.parametrize("label", ["", "CHI:", "CHI no.", "CHI no. ", "CHI ", "(CHI "])
def test_chi_written_as_a_date_and_serial_after_any_label(written, label):
    text = f"Letter shows {label}{written} in the header."
    assert [(h.kind, h.text) for h in find_identifiers(text)] == [("chi", written)]


@pytest.mark.parametrize("written", ["943-476-5919", "943\u2010476\u20105919", "943\u2011476\u20115919",
                                     "943\u2013476\u20135919", "943\u2212476\u22125919", "943\u202f476\u202f5919"])
@pytest.mark.parametrize("label", ["", "NHS:", "NHS no.", "NHS no. ", "NHS number "])
def test_nhs_numbers_with_hyphens_and_dashes(written, label):
    assert [(h.kind, h.text) for h in find_identifiers(f"{label}{written}")] == [("nhs", written)]
    assert find_identifiers(f"{label}{written[:-1]}8") == []  # the same digits failing the check


@pytest.mark.parametrize("text", [
    "Call 0131 536 1000, 01315361000, 07700 900123, +44 131 536 1000 or 0131-536-1000",
    "Phones: 0131\u2011536\u20111000, 07700\u2011900123, +44\u00a07700\u00a0900123, 0131.536.1000",
    "Met 30/01/2026, then 30.01.2026 14:00, 30-01-2026 and 30/01/26 14:00",
    "Refs LO-2026-014, IG/2026/41, A-2026-014 and GGC/2026/0041",
    "Meeting 30/01/26 1400-1600; 30.01.26 - 27.02.26; 30/01/26-27/02/26",
])
def test_phone_numbers_meeting_dates_and_references_stay_unflagged(text):
    assert find_identifiers(text) == []


def test_a_date_and_quarter_hour_time_reads_as_a_meeting_not_a_chi_number():
    # 3001261100 is a valid CHI number, yet "30/01/26 1100" is how minutes write a meeting's date and start;
    # the same ten digits in any other layout are flagged.
    assert is_chi("3001261100")
    assert find_identifiers("Next meeting 30/01/26 1100 in the seminar room, or 30.01.26\u00a01100") == []
    for written in ("3001261100", "300126 1100", "30/01/26-1100", "30.01.26.1100", "300-126-1100"):
        assert [h.kind for h in find_identifiers(f"Pt {written} seen")] == ["chi"], written


def test_names_are_optional_for_minutes():
    assert find_identifiers("Mr Smith presented", names=False) == []


def test_corpus_recall_and_precision(capsys):
    figures = measure()
    with capsys.disabled():
        print(f"\nprivacy corpus: recall {figures.recall:.1%} ({figures.found}/{figures.identifiers}), "
              f"precision {figures.precision:.1%} ({figures.flagged_negatives}/{figures.negatives} negatives flagged)")
    assert figures.recall == 1.0
    assert figures.flagged_negatives == 0
