"""Documents from the GUI: choosing what and where, writing off the UI thread."""
