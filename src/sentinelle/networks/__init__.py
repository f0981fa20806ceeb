"""Vendor networks: link accounts across platforms and rebrands, and explain every link.

    from sentinelle.networks import link
    nets = link(zip(posts, records))       # records: `Analysis.to_record()` dicts
    nets.network_of(post.id)              # "N-..." for sale/recruitment posts in a network, else None
    [n.to_record() for n in nets.networks()]

See `graph.py` for the link types, weights and hub guards, `identifiers.py` for what is read from
each post, and `cues.toml` for the editable cue words and guards.
"""

from __future__ import annotations

from .graph import Link, Linker, Network, Networks, link
from .identifiers import PostIds, account_key, extract, load_cues, squash, strip_version

__all__ = ["Link", "Linker", "Network", "Networks", "PostIds", "account_key", "extract", "link", "load_cues",
           "squash", "strip_version"]
