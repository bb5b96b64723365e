"""The domain API: typed functions over a Session, returning frozen DTOs. The only way in to the data."""

from interface_desktop.services import tracking as _tracking  # noqa: F401 - installs the audit/search hooks
