"""Every rule the plugin knows, with its default severity and its documentation.

The list is the single source for ``severity:`` validation, suppression comments,
the reference docs and the command line.
"""

from __future__ import annotations

from mkdocs_diataxis.core.rule import Rule
from mkdocs_diataxis.core.rules import citation, page, placement, suppression, terms

RULES: dict[str, Rule] = {
    rule.id: rule
    for module in (page, placement, citation, terms, suppression)
    for rule in module.RULES
}
"""Rule id -> rule, in documentation order."""

FAMILIES: frozenset[str] = frozenset(rule.family for rule in RULES.values())


def expand_rule_names(name: str) -> tuple[str, ...]:
    """The rule ids a name in ``severity:`` or a suppression stands for.

    ``placement/nested`` -> itself; ``placement/*`` -> every placement rule;
    anything unknown -> ``()``.
    """
    if name in RULES:
        return (name,)
    if name.endswith("/*") and name[:-2] in FAMILIES:
        return tuple(rid for rid, rule in RULES.items() if rule.family == name[:-2])
    return ()
