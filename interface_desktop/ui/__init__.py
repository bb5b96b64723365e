"""PySide6 user interface: windows, views, Qt models and dialogs. Reaches data only through services."""
