"""The desktop window (PySide6 only): the same store operations as the CLI, behind item models and dialogs."""
