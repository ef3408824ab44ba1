"""The web UI and JSON API (FastAPI, Jinja2 templates, shipped static assets): ``create_app``."""

from .app import create_app

__all__ = ["create_app"]
