"""What an export writes: article texts, manifest and decision log; TEI; the headless command."""
