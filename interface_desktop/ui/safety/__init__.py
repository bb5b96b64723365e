"""Data safety in the GUI: backups, checks, read-only mode, history, identifier prompts."""
