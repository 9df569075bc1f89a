"""Screens of the game: one scene class per file, stacked by the scene manager."""
