"""One module per rule family; each exposes ``RULES`` and a ``check`` function."""
