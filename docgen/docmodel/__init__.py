"""One document model, several writers: see :mod:`docgen.docmodel.blocks`."""
