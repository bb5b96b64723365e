"""Patient-identifier detection and redaction; depends on nothing else in the app."""

from interface_desktop.privacy.checks import is_chi, is_nhs, mod10_check_digit, mod11_check_digit, valid_ddmmyy
from interface_desktop.privacy.detect import KIND_LABELS, KINDS, Finding, find_identifiers
from interface_desktop.privacy.redact import MARKERS, finding_digest, redact

__all__ = [
    "KINDS", "KIND_LABELS", "MARKERS", "Finding", "find_identifiers", "finding_digest", "is_chi", "is_nhs",
    "mod10_check_digit", "mod11_check_digit", "redact", "valid_ddmmyy",
]
