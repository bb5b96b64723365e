"""The interface-issue log and the issue editor with its SEA, links and status history."""
