"""Editor dialogs for records."""
