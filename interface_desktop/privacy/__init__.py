"""Patient-identifier detection and redaction; depends on nothing else in the app."""
