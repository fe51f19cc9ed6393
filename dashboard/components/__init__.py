"""Layout builders: components in, components out. No callbacks and no database here."""
