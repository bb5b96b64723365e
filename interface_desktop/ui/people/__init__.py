"""The people and groups pages and their editors."""
