"""What every feature of the window shares: the open workspace session, undo steps, language, messages, fonts,
background work, printing helpers and the texts of domain names."""
