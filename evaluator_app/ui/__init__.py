"""The desktop window (PySide6 only): the same store operations as the CLI, behind item models and dialogs."""

from . import pyside_fixes  # noqa: F401  - first, before any other Qt call: see its docstring
