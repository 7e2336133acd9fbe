"""docgen: legal document generation for PRC debt collection."""

__version__ = "0.1.0"
