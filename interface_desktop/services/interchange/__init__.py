"""The JSON interchange of the whole database or one group."""
