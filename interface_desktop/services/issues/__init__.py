"""Interface issues and their Significant Event Analyses."""
