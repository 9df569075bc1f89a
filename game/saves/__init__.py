"""Player saves: one folder per profile, every write atomic, every file versioned."""
