"""Library code behind the content editors' command-line tools (``tools/``).

Clients for the IUCN Red List API v4 and the GBIF species API, round-trip editing of deck files
and report formatting. Plain Python: nothing here imports pygame.
"""
