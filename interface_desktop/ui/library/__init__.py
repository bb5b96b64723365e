"""The group's library of resources."""
