"""Bringing in what groups already keep: trackers read, mapped and imported all or nothing."""
