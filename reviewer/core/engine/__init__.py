"""The engine: two sources in, one Alignment out (read → normalize → segment → align → articles
→ diff, suggest). Pure functions of plain data; ``pipeline`` is its front door."""
