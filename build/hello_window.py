"""A bare PySide6 window: the size baseline for the bundle (built by hello.spec with the same excludes)."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Hello")
window.show()
sys.exit(0 if "--exit-after-start" in sys.argv else app.exec())
