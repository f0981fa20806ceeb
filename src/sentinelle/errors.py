"""Typed errors with stable codes.

Every error a user can meet carries a code (stable across releases, safe to grep in logs and to
match in scripts) and a message that names the file and line or field concerned.
"""

from __future__ import annotations


class SentinelleError(Exception):
    """Base class. `code` is stable; the message is for people."""

    code = "SEN000"

    def __init__(self, message: str, *, where: str = "") -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)

    @property
    def message(self) -> str:
        return str(self)


class InputError(SentinelleError):
    """One input record cannot be read (bad JSON, missing field, wrong type...)."""

    code = "SEN100"


class LexiconError(SentinelleError):
    """A lexicon or data file is malformed; the message names the file and the entry."""

    code = "SEN200"


class ConfigError(SentinelleError):
    """The pipeline configuration is invalid (unknown analyser, unmet requirement...)."""

    code = "SEN300"


class ModelError(SentinelleError):
    """A model artefact is missing, corrupt or does not match the code that reads it."""

    code = "SEN400"


class AnalysisError(SentinelleError):
    """An analyser failed on one post; the batch goes on and the post is reported."""

    code = "SEN500"
