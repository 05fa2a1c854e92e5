"""``suppression/*``: suppression comments and ``diataxis_ignore`` that say nothing the
plugin understands. How suppressions are read and applied is ``core/suppressions.py``."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core import suppressions
from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.rule import Example, Rule

UNKNOWN_RULE = Rule(
    suppressions.UNKNOWN_RULE_ID,
    "warning",
    "A suppression comment or diataxis_ignore names a rule that does not exist.",
    """A typo in a suppression must not silently switch a check off, nor leave the
author believing it did. Rule ids are listed in the rules reference; a family can be
named as `placement/*`.

Fix: correct the rule id (the message suggests the closest one).""",
    Example(
        "how-to/deploy.md",
        b"<!-- diataxis: disable placement/uncategorised -->\n# Deploy\n",
        "the misspelt id silences nothing",
    ),
)
UNKNOWN_DIRECTIVE = Rule(
    suppressions.UNKNOWN_DIRECTIVE_ID,
    "warning",
    "A comment starting with `diataxis:` is not disable, enable or disable-next-line.",
    """Comments of the form `<!-- diataxis: ... -->` are read as instructions to the
plugin. One it does not understand is reported rather than ignored, for the same
reason as unknown rule ids.

Fix: use `disable RULE[,RULE]`, `enable [RULE,...]` or `disable-next-line RULE[,RULE]`.""",
    Example("how-to/deploy.md", b"# Deploy\n\n<!-- diataxis: disabel placement/nested -->\n"),
)
RULES = (UNKNOWN_RULE, UNKNOWN_DIRECTIVE)

_BY_ID = {rule.id: rule for rule in RULES}


def check(ctx: PageContext) -> Iterator[Finding]:
    """A finding for each suppression the page got wrong."""
    for problem in ctx.suppressions.problems:
        yield _BY_ID[problem.rule].reports(ctx.doc, problem)
