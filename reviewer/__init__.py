"""Reviewer: align two imperfect versions of a page and review every disagreement."""

__version__ = "0.1.0"
