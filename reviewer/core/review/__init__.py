"""The editor's review state: items, decisions, merged text, structure edits and their undo."""
