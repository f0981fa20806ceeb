"""Sentinelle: a workbench for analysts who monitor drug markets on social networks.

The library does the work (`sentinelle.api`); the command line and the web app are thin faces
over it. Sentinelle analyses what lawful users collected; it never helps anyone buy or sell.
"""

from __future__ import annotations

__version__ = "0.1.0"
