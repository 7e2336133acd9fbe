"""Document types: one module each, listed by :mod:`docgen.documents.registry`."""
