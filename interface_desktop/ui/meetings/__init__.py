"""The meeting editor and its parts: details, attendance, agenda, minutes, papers, and meeting commands."""
