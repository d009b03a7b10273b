"""The window: PySide6 only. Everything it does goes through the store and exchange operations the CLI uses."""
