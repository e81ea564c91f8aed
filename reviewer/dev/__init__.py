"""Development instruments: the held-out evaluation of the engine (not part of the app)."""
