"""The checks an uploaded template must pass that run in the limited vetting child.

Kept apart from :mod:`docgen.template_store` (the versions in the database) so that the
child imports only the renderers it checks with: importing the store package pulls in
SQLAlchemy and the models, about 0.35 s of CPU that every upload waited for.
"""
