"""A page parsed once: `parse_document` builds the `Document` that rules read.

- `model`: the document and its parts (blocks, spans, headings, tables, code, links...);
- `frontmatter`: the front matter, found where MkDocs finds it;
- `markdown`: the markdown-it-py parser, set up once;
- `prepass`: Material/pymdownx syntax neutralised before markdown-it reads the page;
- `walk`: markdown-it's tokens turned into the model at exact source positions;
- `parse`: the whole way from bytes to a `Document`;
- `inline`: a leaf block's text as one string, with its way back to the source;
- `outline`: siblings, list items' and rows' leaves, sections and heading chains.
"""

from mkdocs_diataxis.core.document.frontmatter import FrontMatter
from mkdocs_diataxis.core.document.inline import InlineText, inline_text, one_line
from mkdocs_diataxis.core.document.model import (
    PROSE_LEAVES,
    Abbreviation,
    Block,
    Cell,
    Code,
    Comment,
    Directive,
    Document,
    Heading,
    HeadingMark,
    Link,
    PageWide,
    Span,
    Table,
    prose_text,
)
from mkdocs_diataxis.core.document.outline import Outline, outline_of
from mkdocs_diataxis.core.document.parse import parse_document, read_document, unreadable_document

__all__ = [
    "PROSE_LEAVES",
    "Abbreviation",
    "Block",
    "Cell",
    "Code",
    "Comment",
    "Directive",
    "Document",
    "FrontMatter",
    "Heading",
    "HeadingMark",
    "InlineText",
    "Link",
    "Outline",
    "PageWide",
    "Span",
    "Table",
    "inline_text",
    "one_line",
    "outline_of",
    "parse_document",
    "prose_text",
    "read_document",
    "unreadable_document",
]
