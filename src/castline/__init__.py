"""castline: a sourced knowledge base of television, built from entertainment news."""

__version__ = "0.1.0"

# Bumped whenever extraction changes, so re-ingesting re-extracts stored articles.
PIPELINE_VERSION = "2"
