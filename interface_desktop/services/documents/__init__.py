"""What goes out of a group: document records, report figures, papers and the library, templates."""
