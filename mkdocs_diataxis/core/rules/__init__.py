"""One module per rule family. Each exposes ``RULES`` (its rules, each with its
documentation and example) and ``check(ctx: PageContext)``, which yields findings of
those rules only; ``core/registry.py`` lists the families once.

- `page`: the page file itself cannot be read, or its front matter is broken;
- `placement`: the page's Diátaxis category, and whether its folder and front matter agree;
- `citation`: measured performance figures that cite no source;
- `terms`: forbidden terminology, and acronyms used before they are defined;
- `suppression`: suppression comments the plugin does not understand.
"""
