"""The fictional example data loaded by `services.demo`: people, groups, topics, issues and activities."""
