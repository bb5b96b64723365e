"""Qt item models fed with service DTOs (tested without widgets)."""
