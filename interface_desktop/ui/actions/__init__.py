"""The action log page, its filters and side panel, and the action editor."""
