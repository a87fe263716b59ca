"""The full-screen Textual front end of triage. Import ``triage.tui.app`` only when opening it."""
