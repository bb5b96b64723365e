"""Relationship-building activities: shadowing, shared learning, teaching, webinars, visits."""
