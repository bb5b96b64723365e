"""Measurements run in a fresh process each: the app's and their bare baselines, reported as JSON."""
