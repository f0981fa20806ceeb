"""The `sentinelle` command: parse arguments, call `sentinelle.api`, render. No logic here."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from . import __version__
from .cli_admin import ADMIN_COMMANDS, add_admin_parsers
from .cli_observatory import OBSERVATORY_COMMANDS, add_observatory_parsers
from .cli_web import WEB_COMMANDS, add_web_parsers
from .errors import SentinelleError


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=os.environ.get("SENTINELLE_DB", "sentinelle.db"),
                   help="database file (default: $SENTINELLE_DB or ./sentinelle.db)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="sentinelle", description=__doc__)
    ap.add_argument("--version", action="version", version=f"sentinelle {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", aliases=["analyse"], help="triage and extract facts from JSONL posts")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL files, or - for stdin")
    p.add_argument("-o", "--output", default="-", help="output JSONL (default: stdout)")
    p.add_argument("--rejects", help="where rejected lines go (default: next to the output)")
    p.add_argument("-j", "--workers", type=int, default=None, help="processes (default: every core)")
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")
    p.add_argument("--no-networks", action="store_true",
                   help="leave 'network' null: pure streaming, memory flat whatever the batch size")
    p.add_argument("--triage-only", action="store_true",
                   help="the verdict alone (category, score, evidence), several times faster; "
                        "extraction fields empty, 'network' null")
    _db_arg(p)

    p = sub.add_parser("ingest", help="read exports (files, folders, zips) into the database and analyse them")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--case", default="", help="case name to file the posts under")
    p.add_argument("--tz", default=None, help="time zone for exports without one (e.g. Europe/Paris)")
    p.add_argument("--no-ocr", action="store_true", help="do not OCR images")
    p.add_argument("--json", action="store_true", help="one JSON report on stdout")
    _db_arg(p)

    p = sub.add_parser("reanalyse", aliases=["reanalyze"], help="analyse posts again after a lexicon or model change")
    p.add_argument("--all", action="store_true", help="every post, not only those analysed with other versions")
    _db_arg(p)

    p = sub.add_parser("search", help="full-text and filtered search of stored posts")
    p.add_argument("query", nargs="?", default=None, help="words (accents and case ignored); \"a phrase\", prefix*")
    for flag in ("category", "product", "place", "department", "platform", "account", "since", "until", "case"):
        p.add_argument(f"--{flag}")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--order", choices=["recent", "relevance", "newest", "oldest"], default="recent",
                   help="recent: most recently collected first (default, fast); relevance; newest/oldest by date")
    p.add_argument("--json", action="store_true", help="JSON lines (the export objects)")
    _db_arg(p)

    p = sub.add_parser("export", help="export stored posts with provenance and analysis")
    p.add_argument("what", choices=["posts"])
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("-o", "--output", default="-")
    _db_arg(p)

    p = sub.add_parser("networks", help="vendor networks of the stored posts, with the reason for each link")
    p.add_argument("--json", action="store_true", help="one JSON object per network")
    p.add_argument("--gexf", help="also write the graph as GEXF (Gephi)")
    p.add_argument("--graphml", help="also write the graph as GraphML")
    p.add_argument("--relink", action="store_true",
                   help="recompute the stored networks first (ids of unchanged networks are kept)")
    p.add_argument("--with-posts", action="store_true", help="GEXF/GraphML: also a node per post")
    _db_arg(p)

    p = sub.add_parser("verify", help="re-hash every kept original and report any difference")
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("generate", help="write the synthetic labelled corpus (JSONL)")
    p.add_argument("-n", type=int, default=1000, help="number of posts")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("-o", "--output", default="-")

    p = sub.add_parser("train", help="rebuild the triage models (full, and quick for --triage-only) from the "
                                     "project's own corpus")
    p.add_argument("-o", "--output", help="model file (default: the bundled one); the quick model goes next to it "
                                          "as NAME_quick.json.gz")
    p.add_argument("--corpus", default=None, help="folder with handwritten/train/*.jsonl (default: ./corpus)")

    p = sub.add_parser("demo", help="the README's main job: analyse the bundled sample, summarise, serve the web app")
    p.add_argument("-o", "--output", default=None, help="also write the analysis JSONL here")
    p.add_argument("--no-serve", action="store_true", help="only summarise; do not serve the web app afterwards")
    p.add_argument("--port", type=int, default=8000, help="web app port on 127.0.0.1 (default: 8000)")
    _db_arg(p)
    add_observatory_parsers(sub, _db_arg)
    add_admin_parsers(sub, _db_arg)
    add_web_parsers(sub, _db_arg)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command in ("analyze", "analyse"):
            return cmd_analyze(args)
        if args.command in COMMANDS:
            return COMMANDS[args.command](args)
        if args.command == "generate":
            return cmd_generate(args)
        if args.command == "train":
            return cmd_train(args)
        if args.command == "demo":
            return cmd_demo(args)
    except SentinelleError as exc:
        print(f"sentinelle: error {exc.code}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `sentinelle analyze ... | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("sentinelle: interrupted", file=sys.stderr)
        return 130
    return 2


def _open_out(path: str) -> IO[str]:
    if path == "-":
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller


def cmd_analyze(args: argparse.Namespace) -> int:
    from .api import BatchSummary, run_batch
    from .jsonl import Reject, default_rejects_path, write_jsonl

    missing = [p for p in args.inputs if p != "-" and not Path(p).is_file()]
    for p in missing:
        print(f"sentinelle: {p}: no such file", file=sys.stderr)
    inputs = [p for p in args.inputs if p not in missing]
    rejects_path = Path(args.rejects) if args.rejects else default_rejects_path(args.output)
    out = _open_out(args.output)
    rej_fh: IO[str] | None = None
    tty = sys.stderr.isatty() and not args.quiet

    def reject(r: Reject) -> None:
        nonlocal rej_fh
        if rej_fh is None:
            rej_fh = open(rejects_path, "w", encoding="utf-8")  # noqa: SIM115
        write_jsonl(rej_fh, r.to_record())
        print(f"sentinelle: rejected {r.message}", file=sys.stderr)

    def progress(s: BatchSummary) -> None:
        print(f"\r  {s.read:,} posts read, {s.rate:,.0f} posts/s", end="", file=sys.stderr, flush=True)

    # a UTF-8 file takes the output lines as the bytes they are encoded to (none decoded, none encoded again)
    raw = getattr(out, "buffer", None) if str(getattr(out, "encoding", "")).lower() in ("utf-8", "utf8") else None
    try:
        summary = run_batch(inputs, lambda rec: write_jsonl(out, rec), reject, workers=args.workers,
                            report_error=lambda e: print(f"sentinelle: {e}", file=sys.stderr),
                            progress=progress if tty else None, networks=not args.no_networks,
                            write_line=None if raw is not None else out.write,
                            write_bytes=raw.write if raw is not None else None, triage_only=args.triage_only)
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
        if rej_fh is not None:
            rej_fh.close()
    if tty:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    if not args.quiet:
        cats = ", ".join(f"{k} {v}" for k, v in sorted(summary.categories.items()))
        print(f"sentinelle analyze: {summary.read} read, {summary.analysed} analysed, {summary.rejected} rejected"
              + (f" (see {rejects_path})" if summary.rejected else "")
              + (f", {summary.failed} with analyser errors" if summary.failed else "")
              + f"; {cats or 'no posts'}; {summary.seconds:.2f} s, {summary.rate:,.0f} posts/s", file=sys.stderr)
    return 1 if (summary.rejected or missing) else 0


def cmd_generate(args: argparse.Namespace) -> int:
    from .corpus.generator import generate
    from .jsonl import write_jsonl

    out = _open_out(args.output)
    try:
        for rec in generate(args.n, seed=args.seed):
            write_jsonl(out, rec)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from .model.train import train_default

    report = train_default(output=args.output, corpus=args.corpus)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_main_job

    return run_main_job(args.db, output=args.output, serve=not args.no_serve, port=args.port)


def _print(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False))


def cmd_ingest(args: argparse.Namespace) -> int:
    from .collect import FileReport, ingest, open_db

    def show(fr: FileReport) -> None:
        if args.json:
            return
        name = fr.path + (f"!{fr.member}" if fr.member else "")
        if fr.skipped:
            print(f"{name}: already ingested, nothing added", file=sys.stderr)
            return
        print(f"{name}: {fr.format}, {fr.added} posts added, {fr.duplicates} duplicates skipped, "
              f"{len(fr.rejected)} rejected", file=sys.stderr)
        for r in fr.rejected[:20]:
            print(f"  rejected {r['code']}: {r['message']}", file=sys.stderr)
        if len(fr.rejected) > 20:
            print(f"  ... and {len(fr.rejected) - 20} more (see the quarantine file)", file=sys.stderr)

    hook = None
    if not args.no_ocr:
        hook = _ocr_hook()
    with open_db(args.db) as store:
        report = ingest(args.paths, store, case=args.case, assume_tz=args.tz, ocr_hook=hook,
                        quarantine=Path(str(args.db) + ".quarantine.jsonl"), on_file=show)
    if args.json:
        _print(report.to_record())
    else:
        print(f"sentinelle ingest: {report.added} posts added, {report.duplicates} duplicates skipped, "
              f"{report.rejected} rejected, {report.analysed} analysed; database {args.db}", file=sys.stderr)
    return 1 if report.rejected else 0


def _ocr_hook() -> Any:
    try:
        from .ingest.ocr import available, ocr_hook
    except ImportError:
        print("sentinelle: OCR unavailable (Pillow/ImageHash missing): images are kept, not read", file=sys.stderr)
        return None
    if not available():
        print("sentinelle: OCR unavailable (install tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng): "
              "images are kept, not read", file=sys.stderr)
        return None
    return ocr_hook


def cmd_reanalyse(args: argparse.Namespace) -> int:
    from .collect import open_db, reanalyse

    with open_db(args.db) as store:
        res = reanalyse(store, all_posts=args.all)
    print(f"sentinelle reanalyse: {res['analysed']} posts analysed (run {res['run']}, "
          f"versions {res['fingerprint']})", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .collect import open_db, search

    filters = {k: getattr(args, k) for k in ("category", "product", "place", "department", "platform", "account",
                                            "since", "until", "case") if getattr(args, k)}
    with open_db(args.db) as store:
        n = 0
        for obj in search(store, text=args.query, limit=args.limit, order=args.order, **filters):
            n += 1
            if args.json:
                _print(obj)
            else:
                text = " ".join(str(obj.get("text", "")).split())
                print(f"{obj['id']}  {obj.get('date') or '-':25}  {obj.get('platform') or '-':9} "
                      f"{obj.get('author') or '-':18} {obj.get('category') or '-':11} {text[:90]}")
    if not args.json:
        print(f"{n} posts", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .collect import export_posts, open_db
    from .store.export import write

    out = _open_out(args.output)
    try:
        with open_db(args.db) as store:
            n = write(export_posts(store), out, args.format)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"sentinelle export: {n} posts", file=sys.stderr)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .collect import open_db, verify

    with open_db(args.db) as store:
        problems = verify(store)
    if args.json:
        _print({"ok": not problems, "problems": [p.to_record() for p in problems]})
    else:
        for p in problems:
            print(f"{p.kind}: {p.path} ({p.sha256[:12]}): {p.message}")
        print("all originals intact" if not problems else f"{len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def cmd_networks(args: argparse.Namespace) -> int:
    from .collect import networks, open_db
    from .networks import write_gexf, write_graphml

    with open_db(args.db) as store:
        found = networks(store, relink_first=args.relink)
    for rec in found:
        if args.json:
            _print(rec)
            continue
        print(f"{rec['id']}: {rec['n_posts']} posts, {rec['n_accounts']} accounts, {rec['first_seen']} → "
              f"{rec['last_seen']}; places {', '.join(rec['places'][:5]) or '-'}; "
              f"products {', '.join(rec['products'][:5]) or '-'}")
        for a in rec["accounts"][:8]:
            print(f"   account {a['account']}")
        for link in rec["links"][:8]:
            print(f"   link {link['type']}: {link['explanation']}")
    if args.gexf:
        write_gexf(found, args.gexf, with_posts=args.with_posts)
    if args.graphml:
        write_graphml(found, args.graphml, with_posts=args.with_posts)
    print(f"{len(found)} networks", file=sys.stderr)
    return 0


# -- market observatory (issue 6): prices, events, watch, alerts, report trends ------------------
# Its subcommands are added to the parser built above (kept in this one block).

COMMANDS = {"networks": cmd_networks, "ingest": cmd_ingest, "reanalyse": cmd_reanalyse,
            "reanalyze": cmd_reanalyse, "search": cmd_search, "export": cmd_export, "verify": cmd_verify,
            **OBSERVATORY_COMMANDS, **ADMIN_COMMANDS, **WEB_COMMANDS}


if __name__ == "__main__":
    sys.exit(main())
