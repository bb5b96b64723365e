"""Qt item models over service DTOs: rows set with `set_rows()`, columns named by constants, no widgets."""
