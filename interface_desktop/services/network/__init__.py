"""The learning network: national themes, the learning digests groups share, and the library of what others shared."""
