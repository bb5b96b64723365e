"""Check digits and date rules for CHI and NHS numbers.

CHI numbers are ten digits: DDMMYY date of birth, two serial digits, a sex digit and a check digit.
Two check-digit schemes are in use and either makes a CHI number valid:

* modulus 11 (also the NHS number scheme): the first nine digits are weighted 10, 9, ... 2 from the
  left; check = 11 - (sum mod 11); a result of 11 means 0 and a result of 10 means the number is invalid;
* modulus 10, introduced for CHI in 2025: of the nine-digit payload, digits 9, 7, 5, 3 and 1 counted
  from the right (the rightmost payload digit and every second one leftwards, as in Luhn; for a
  nine-digit payload these are also positions 1, 3, 5, 7 and 9 from the left) are doubled, 9 is
  subtracted from any doubled result over 9, everything is summed, and check = (10 - sum mod 10) mod 10.
"""

from __future__ import annotations

import calendar

MOD11_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def mod11_check_digit(payload: str) -> int | None:
    """The modulus-11 check digit for nine digits, or None when no digit is possible (result 10)."""
    total = sum(int(d) * w for d, w in zip(payload, MOD11_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def mod10_check_digit(payload: str) -> int:
    """The 2025 CHI modulus-10 check digit for nine digits (Luhn doubling from the right)."""
    total = 0
    for position_from_right, digit in enumerate(reversed(payload), start=1):
        value = int(digit)
        if position_from_right % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def mod11_valid(digits: str) -> bool:
    return len(digits) == 10 and digits.isdigit() and mod11_check_digit(digits[:9]) == int(digits[9])


def mod10_valid(digits: str) -> bool:
    return len(digits) == 10 and digits.isdigit() and mod10_check_digit(digits[:9]) == int(digits[9])


def valid_ddmmyy(six: str) -> bool:
    """A real calendar date; 29 February counts when YY is a leap year in 19YY or 20YY."""
    if len(six) != 6 or not six.isdigit():
        return False
    day, month, year = int(six[0:2]), int(six[2:4]), int(six[4:6])
    if not 1 <= month <= 12 or day < 1:
        return False
    leap_possible = calendar.isleap(1900 + year) or calendar.isleap(2000 + year)
    days = calendar.monthrange(2000 if (month == 2 and leap_possible) else 2001, month)[1]
    return day <= days


def is_chi(digits: str) -> bool:
    """Ten digits with a valid DDMMYY date and a valid check digit under either scheme."""
    return (len(digits) == 10 and digits.isdigit() and valid_ddmmyy(digits[:6])
            and (mod11_valid(digits) or mod10_valid(digits)))


def is_nhs(digits: str) -> bool:
    """Ten digits with a valid modulus-11 check digit."""
    return mod11_valid(digits)
