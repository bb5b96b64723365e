"""The audit trail: written by session hooks, read back as history people can follow."""
