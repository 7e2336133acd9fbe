"""The checks an uploaded template must pass (:mod:`.html_source` in the web process,
:mod:`.checks` in the limited child that compiles and renders it).

Kept apart from :mod:`docgen.template_store`, which imports the database layer: the child
started for every upload imports only this package and the renderers.
"""
