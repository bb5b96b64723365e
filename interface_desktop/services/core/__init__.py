"""What every domain shares: errors, validation, the unit-of-work runner, file checks."""
