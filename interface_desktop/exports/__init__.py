"""Documents out: Word, PDF, spreadsheet and calendar files built from service DTOs."""
