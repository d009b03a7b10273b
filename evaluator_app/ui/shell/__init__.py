"""The frame a person starts in: the application, the main window, the navigator, settings and the about box."""
