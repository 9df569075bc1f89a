#!/usr/bin/env python3
"""Add a species to a deck from the IUCN Red List and GBIF, leaving the texts to the editor.

    python tools/new_species.py "Sphyrna lewini" --edition ocean [--data DIR] [--file PATH]

Needs a personal token in IUCN_API_TOKEN (or --token-file); --help lists every option.
"""

from __future__ import annotations

import sys

from game.editor.scaffold import main

if __name__ == "__main__":
    sys.exit(main())
