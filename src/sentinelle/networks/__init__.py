"""Vendor networks: link accounts across platforms and rebrands, and explain every link.

    from sentinelle.networks import link
    nets = link(zip(posts, records))       # records: `Analysis.to_record()` dicts
    nets.network_of(post.id)              # "N-..." for sale/recruitment posts in a network, else None
    [n.to_record() for n in nets.networks()]

See `graph.py` for the link types, weights and hub guards, `identifiers.py` for what is read from
each post, and `cues.toml` for the editable cue words and guards.
"""

from __future__ import annotations

from .graph import Link, Linker, Network, Networks, link, paused_gc, records_graph, write_gexf, write_graphml
from .identifiers import (
    PostIds,
    account_key,
    extract,
    ids_from_dict,
    ids_to_dict,
    load_cues,
    squash,
    strip_version,
)

__all__ = ["Link", "Linker", "Network", "Networks", "PostIds", "account_key", "extract", "ids_from_dict",
           "ids_to_dict", "link", "load_cues", "paused_gc", "records_graph", "squash", "strip_version", "write_gexf",
           "write_graphml"]
