"""The domain API: typed functions over a Session, returning frozen DTOs. The only way in to the data.

Importing the package loads nothing heavy: `services.tracking` installs the audit and search hooks, and the
composition root (app.open_app_database) or the GUI's ServiceRunner loads it before the first session.
"""
