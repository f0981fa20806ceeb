"""Watchlists, alert rules, alerts and their delivery (webhook, e-mail over SMTP).

- A watchlist entry (kind: term, handle, phone, place, product, network) fires an alert for the
  analysed posts it matches, once per entry and refresh, listing the posts not matched before.
- An alert rule selects events by type (or `watch` for watchlist hits) and optional filters
  (product, department, place, network); each matching event fires one alert.
- Every alert has an idempotent key (the event's key, or the watch entry and its first new
  post): running the detection again, or re-analysing the posts, never fires it twice.
- A new alert is delivered to the webhook URL and e-mail address of every rule it matches:
  JSON POSTed with urllib, a plain-text mail with smtplib. Outcomes are stored per channel.
"""

from __future__ import annotations

import json
import os
import smtplib
import tomllib
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from ..store import Store

WATCH_KINDS = ("term", "handle", "phone", "place", "product", "network")
STATUSES = ("new", "seen", "dismissed")


DEFAULT_FROM = "sentinelle@localhost"


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    """Where alerts go. Rules name the webhook URL and the e-mail address; the SMTP server is here."""

    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_from: str = DEFAULT_FROM
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    timeout: float = 10.0

    @classmethod
    def load(cls, path: str | None = None) -> DeliveryConfig:
        """From a TOML file ([smtp] host, port, from, user, password_env, starttls; timeout), else
        from $SENTINELLE_SMTP_HOST, _PORT, _FROM, _USER, _PASSWORD."""
        env = os.environ
        if path:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
            smtp = data.get("smtp", {})
            pw_env = smtp.get("password_env", "SENTINELLE_SMTP_PASSWORD")
            return cls(str(smtp.get("host", "localhost")), int(smtp.get("port", 25)),
                       str(smtp.get("from", DEFAULT_FROM)), str(smtp.get("user", "")), env.get(pw_env, ""),
                       bool(smtp.get("starttls", False)), float(data.get("timeout", 10.0)))
        return cls(env.get("SENTINELLE_SMTP_HOST", "localhost"), int(env.get("SENTINELLE_SMTP_PORT", "25")),
                   env.get("SENTINELLE_SMTP_FROM", DEFAULT_FROM), env.get("SENTINELLE_SMTP_USER", ""),
                   env.get("SENTINELLE_SMTP_PASSWORD", ""))


def post_webhook(url: str, payload: Mapping[str, Any], timeout: float = 10.0) -> str:
    if not url.startswith(("http://", "https://")):
        return f"refused: {url!r} is not an http(s) URL"
    data = json.dumps(payload, ensure_ascii=False, default=str).encode()
    req = urllib.request.Request(url, data=data, method="POST",
                                 headers={"Content-Type": "application/json; charset=utf-8",
                                          "User-Agent": "sentinelle-observatory"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (scheme checked above)
            return "ok" if 200 <= resp.status < 300 else f"HTTP {resp.status}"
    except OSError as e:
        return f"error: {e}"


def send_mail(to: str, subject: str, body: str, cfg: DeliveryConfig) -> str:
    msg = EmailMessage()
    msg["From"] = cfg.smtp_from
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    try:
        with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=cfg.timeout) as smtp:
            if cfg.smtp_starttls:
                smtp.starttls()
            if cfg.smtp_user:
                smtp.login(cfg.smtp_user, cfg.smtp_password)
            smtp.send_message(msg)
        return "ok"
    except (OSError, smtplib.SMTPException) as e:
        return f"error: {e}"


def _rule_matches(rule: Mapping[str, Any], kind: str, body: Mapping[str, Any]) -> bool:
    if not rule.get("enabled", True):
        return False
    types = rule.get("types") or []
    if "*" not in types and kind not in types:
        return False
    return all(not want or body.get(field) == want for field, want in (rule.get("filters") or {}).items())


def _text(alert: Mapping[str, Any]) -> str:
    b = alert["body"]
    lines = [alert["title"], ""]
    if alert["kind"] == "watch":
        lines += [f"Watchlist entry: {b['watch_kind']} = {b['value']}", f"New matching posts: {len(b['posts'])}",
                  *[f"  - {p}" for p in b["posts"][:50]]]
    else:
        lines += [b.get("explanation", ""), "", "Evidence posts: " + ", ".join(b.get("evidence", [])[:50])]
    return "\n".join(lines)


def deliver(store: Store, alert: Mapping[str, Any], rules: Sequence[Mapping[str, Any]],
            cfg: DeliveryConfig) -> dict[str, str]:
    out: dict[str, str] = {}
    payload = {"alert": alert["id"], "key": alert["key"], "kind": alert["kind"], "title": alert["title"],
               "body": alert["body"], "status": alert["status"], "created_at": alert["created_at"]}
    for rule in rules:
        if rule.get("webhook"):
            out[f"webhook:{rule['name']}"] = post_webhook(rule["webhook"], payload, cfg.timeout)
        if rule.get("email"):
            out[f"email:{rule['name']}"] = send_mail(rule["email"], f"[sentinelle] {alert['title']}",
                                                     _text(alert), cfg)
    if out:
        store.obs_alert_delivery(int(alert["id"]), out)
    return out


def fire(store: Store, events: Sequence[Mapping[str, Any]], cfg: DeliveryConfig | None = None) -> list[dict[str, Any]]:
    """Create the alerts due for `events` and for the watchlists; deliver the new ones. Returns them."""
    cfg = cfg or DeliveryConfig.load()
    rules = store.obs_rules()
    new_ids: list[tuple[int, list[dict[str, Any]]]] = []
    for e in events:
        matched = [r for r in rules if _rule_matches(r, e["type"], e)]
        if not matched:
            continue
        aid = store.obs_alert_add(f"event:{e['key']}", e["type"], e["summary"], dict(e), [r["name"] for r in matched])
        if aid is not None:
            new_ids.append((aid, matched))
    watch_rules = [r for r in rules if _rule_matches(r, "watch", {})]
    for w in store.obs_watch_list():
        posts = store.obs_watch_hit(int(w["id"]), store.obs_watch_matches(w["kind"], w["value"]))
        if not posts:
            continue
        body = {"watch_id": w["id"], "watch_kind": w["kind"], "value": w["value"], "note": w["note"], "posts": posts}
        title = f"watchlist {w['kind']} {w['value']!r}: {len(posts)} new post(s)"
        aid = store.obs_alert_add(f"watch:{w['id']}:{posts[0]}", "watch", title, body,
                                  [r["name"] for r in watch_rules])
        if aid is not None:
            new_ids.append((aid, watch_rules))
    out = []
    for aid, matched in new_ids:
        alert = store.obs_alerts(ids=[aid])[0]
        alert["delivery"] = deliver(store, alert, matched, cfg)
        out.append(alert)
    return out
