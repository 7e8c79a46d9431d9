"""Command-line faces over marsad's importable functions."""
