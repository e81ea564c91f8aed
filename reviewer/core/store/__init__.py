"""The review's state on disk: the project database and the checks made before opening it."""
