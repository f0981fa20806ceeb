"""Analysers: small classes that add findings to a post's Analysis (see `base`)."""

from __future__ import annotations

from .base import Analyser, available, register

__all__ = ["Analyser", "available", "register"]
