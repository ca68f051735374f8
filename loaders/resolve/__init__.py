"""Probabilistic record linkage with Splink: the same person across agencies, despite spelling, date and
address variations. See `loaders/resolve/pipeline.py` for the steps."""

from loaders.resolve.pipeline import ResolveSettings, resolve

__all__ = ["ResolveSettings", "resolve"]
