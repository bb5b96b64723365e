"""The activities page and the activity editor with participants and feedback."""
