"""Editor, teacher and developer tools; installed as ``ecocards_tools``."""
