"""Corpus mode: two folders of page pairs, pre-aligned in parallel into one project."""
