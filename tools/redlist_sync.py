#!/usr/bin/env python3
"""Check the decks' IUCN status against the IUCN Red List API v4, or update it.

    python tools/redlist_sync.py [check|update] [--dry-run] [--only ID ...] [--cache DIR]

Needs a personal token in IUCN_API_TOKEN (or --token-file); --help lists every option.
"""

from __future__ import annotations

import sys

from game.editor.sync import main

if __name__ == "__main__":
    sys.exit(main())
