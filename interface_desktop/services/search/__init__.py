"""Global search across every kind of record."""
