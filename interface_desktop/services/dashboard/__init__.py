"""The lead's first screen: groups and the dashboard, read quickly before the data layer loads."""
