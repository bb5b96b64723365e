"""The learning network: national themes, learning digests shared between groups, and the library of what others shared."""
