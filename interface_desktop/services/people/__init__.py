"""People, Interface Groups, memberships and the configurable lists."""
