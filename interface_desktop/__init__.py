"""Interface Desktop: the offline secretariat for NHS Scotland Interface Groups."""

__version__ = "0.1.0"
APP_NAME = "Interface Desktop"
