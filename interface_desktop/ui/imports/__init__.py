"""Importing what groups already keep: choose a file, preview every row, import all or none."""
