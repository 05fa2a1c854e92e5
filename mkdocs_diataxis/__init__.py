"""mkdocs-diataxis: keep MkDocs documentation organised by Diátaxis and honest about its claims."""

__version__ = "0.1.0"
