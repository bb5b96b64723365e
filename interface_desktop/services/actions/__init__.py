"""The action log: actions, progress updates, derived RAG."""
