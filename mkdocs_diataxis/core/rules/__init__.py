"""One module per rule family. Each exposes ``RULES`` (its rules, each with its
documentation and example page) and ``check(ctx: PageContext)``, which yields findings
of those rules only; ``core/registry.py`` lists the families, once."""
