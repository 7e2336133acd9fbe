"""Renderers: the only modules that import docxtpl and WeasyPrint."""
