"""Extensions see the main window as an ExtensionWindow: the window offers all of it, and they use nothing else."""

from __future__ import annotations

import ast
import importlib
import inspect
import typing

from PySide6.QtWidgets import QMainWindow

from interface_desktop.services.core.runner import ServiceRunner
from interface_desktop.ui.extensions import EXTENSIONS, READ_ONLY_EXTENSIONS, ExtensionWindow, extensions_for

ALL = EXTENSIONS + READ_ONLY_EXTENSIONS


def _offered() -> set[str]:
    methods = {name for name, value in vars(ExtensionWindow).items() if callable(value) and not name.startswith("_")}
    return set(ExtensionWindow.__annotations__) | methods


def test_the_main_window_offers_everything_an_extension_may_use(make_window, qtbot):
    window = make_window()
    assert isinstance(window, ExtensionWindow)
    assert [name for name in sorted(_offered()) if not hasattr(window, name)] == []
    bare = QMainWindow()
    qtbot.addWidget(bare)
    assert not isinstance(bare, ExtensionWindow)  # a plain window lacks the app's runner, signals, menus…


def test_every_extension_installs_on_the_typed_window():
    for name in ALL:
        install = importlib.import_module(name).install
        assert typing.get_type_hints(install)["window"] is ExtensionWindow, name


def _is_the_window(node: ast.expr) -> bool:
    """`window`, or `self.window`."""
    if isinstance(node, ast.Name):
        return node.id == "window"
    return isinstance(node, ast.Attribute) and node.attr == "window" and isinstance(node.value, ast.Name) \
        and node.value.id == "self"


def _used_of_the_window(module: str) -> set[str]:
    """Attributes the module reads from the window, leaving out those it sets there itself."""
    read, written = set(), set()
    for node in ast.walk(ast.parse(inspect.getsource(importlib.import_module(module)))):
        if isinstance(node, ast.Attribute) and _is_the_window(node.value):
            (read if isinstance(node.ctx, ast.Load) else written).add(node.attr)
    return read - written


def test_extensions_use_only_what_the_window_type_names():
    offered = _offered()
    assert {name: sorted(_used_of_the_window(name) - offered) for name in ALL} == {name: [] for name in ALL}


def test_the_read_only_guard_is_installed_only_in_a_read_only_window(db):
    writable = ServiceRunner(db.session_scope)
    read_only = ServiceRunner(db.session_scope, read_only=True)
    assert extensions_for(writable) == EXTENSIONS
    assert extensions_for(read_only) == EXTENSIONS + ("interface_desktop.ui.safety.read_only",)
