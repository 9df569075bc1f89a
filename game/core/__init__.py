"""Game rules and content: plain Python, never imports pygame."""
