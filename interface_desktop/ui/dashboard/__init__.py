"""The lead's first screen."""
