"""Web UI and JSON API over the knowledge base."""

from .app import create_app

__all__ = ["create_app"]
