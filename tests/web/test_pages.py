"""What each page shows and does: feed filters and paging, the post page and reviews, export,
import with progress and rejects, watchlists, alerts, networks, prices, OCR evidence, vendored assets."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from PIL import Image

from sentinelle import reviews
from sentinelle.core import Post, Provenance
from sentinelle.store import FileInfo, open_store
from sentinelle.web import views_feed
from sentinelle.web.app import create_app

from .conftest import TestClient, login, token

ROOT = Path(__file__).resolve().parents[2]


def _ids(html: str) -> list[str]:
    return [unquote(x) for x in re.findall(r'<a class="post-link" href="/posts/([^"]+)"', html)]


@pytest.mark.parametrize("params, expected", [
    ({}, {"p1", "p2", "p3", "xss1", "xss2", "rlo", "other1"}),
    ({"category": "other"}, {"other1"}),
    ({"product": "cocaine"}, {"xss1", "xss2"}),
    ({"place": "lyon"}, {"p1", "p2"}),
    ({"platform": "snapchat"}, {"p3", "rlo"}),
    ({"q": "tarte"}, {"other1"}),
    ({"q": "beuh", "place": "Villeurbanne"}, {"p3"}),
    ({"since": "2025-03-10", "until": "2025-03-11"}, {"xss1", "xss2"}),
    ({"q": "zzzz"}, set()),
])
def test_feed_filters(as_role: Any, params: dict[str, str], expected: set[str]) -> None:
    html = as_role("analyst").get("/feed", params=params).text
    assert set(_ids(html)) == expected
    assert ('id="no-results"' in html) is (not expected)


def test_feed_rows_follow_the_contract(as_role: Any) -> None:
    html = as_role("analyst").get("/feed", params={"q": "beuh"}).text
    assert 'id="search-form"' in html and 'name="q"' in html and 'id="results"' in html
    assert re.search(r'<article class="post-row[^"]*">', html)
    assert '<a class="post-link" href="/posts/p1">' in html
    assert '<mark class="ev" data-kind="products">Beuh</mark>' in html


def test_feed_pages_with_a_cursor(as_role: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views_feed, "PAGE_SIZE", 3)
    client = as_role("analyst")
    seen: list[str] = []
    url = "/feed?category=sale"
    for _ in range(5):
        html = client.get(url).text
        seen += _ids(html)
        m = re.search(r'<a class="next" href="([^"]+)"', html)
        if not m:
            break
        url = m.group(1).replace("&amp;", "&")
        assert "category=sale" in url
    assert sorted(seen) == sorted(set(seen)) and set(seen) == {"p1", "p2", "p3", "xss1", "xss2", "rlo"}
    assert seen == ["rlo", "xss2", "xss1", "p3", "p2", "p1"]  # most recently collected first


def test_htmx_search_swaps_only_the_results(as_role: Any) -> None:
    r = as_role("analyst").get("/feed", params={"q": "tarte"}, headers={"HX-Request": "true", "HX-Target": "results"})
    assert r.text.lstrip().startswith('<section id="results"') and "<html" not in r.text


def test_post_page(as_role: Any) -> None:
    html = as_role("reviewer").get("/posts/p1").text
    assert 'id="post-text"' in html and '<mark class="ev" data-kind="phones">06 12 34 56 78</mark>' in html
    prov = html[html.index('id="provenance"'):]
    assert "fixture.jsonl" in prov and "b" * 64 in prov and "L1" in prov
    rows = re.findall(r'<tr class="finding" id="finding-(\d+)" data-index="(\d+)" data-kind="([a-z_]+)">', html)
    assert rows and [int(a) for a, _, _ in rows] == list(range(len(rows)))
    assert {k for _, _, k in rows} >= {"products", "phones", "handles", "places"}
    assert "French national number" in html  # the explanation recovered from the analysers
    assert html.count('class="review-confirm"') == len(rows) and html.count('class="review-reject"') == len(rows)


def test_researcher_post_page_has_no_review_buttons(as_role: Any) -> None:
    html = as_role("researcher").get("/posts/p1").text
    assert 'tr class="finding"' in html and "review-confirm" not in html


@pytest.mark.parametrize("data, status", [
    ({"action": "confirm"}, "confirmed"),
    ({"action": "reject"}, "rejected"),
    ({"action": "correct", "value": "cannabis_resin"}, "corrected"),
])
def test_review_with_htmx_returns_the_updated_row(as_role: Any, db: Any, data: dict[str, str], status: str) -> None:
    client = as_role("reviewer")
    r = client.post("/posts/p1/findings/2/review", data=data,
                    headers={"HX-Request": "true", "X-CSRF-Token": token(client)})
    assert r.status_code == 200
    assert r.text.lstrip().startswith('<tr class="finding" id="finding-2" data-index="2"')
    assert re.search(rf'<span class="review-status[^"]*">{status}', r.text)
    with open_store(db) as s:
        (rev,) = reviews.reviews(s, "p1")
    assert (rev["finding"], rev["action"], rev["user"]) == (2, data["action"], "reviewer")
    page = client.get("/posts/p1").text
    row = page[page.index('id="finding-2"'):]
    assert status in row[:row.index("</tr>")]


@pytest.mark.parametrize("path, data, code", [
    ("/posts/p1/findings/999/review", {"action": "confirm"}, 404),
    ("/posts/nope/findings/0/review", {"action": "confirm"}, 404),
    ("/posts/p1/findings/0/review", {"action": "approve"}, 400),
    ("/posts/p1/findings/0/review", {"action": "correct"}, 400),
])
def test_bad_reviews(as_role: Any, path: str, data: dict[str, str], code: int) -> None:
    client = as_role("reviewer")
    r = client.post(path, data={**data, "csrf_token": token(client)})
    assert r.status_code == code


def test_review_without_htmx_redirects_back(as_role: Any) -> None:
    client = as_role("analyst")
    r = client.post("/posts/p2/findings/0/review", data={"action": "confirm", "csrf_token": token(client)},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/posts/p2#finding-0"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_of_the_current_filter(as_role: Any, fmt: str) -> None:
    client = as_role("analyst")
    r = client.post("/export", data={"csrf_token": token(client), "format": fmt, "category": "sale",
                                     "place": "lyon", "justification": "case 2025-04 review"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert {row["id"] for row in rows} == {"p1", "p2"}
    else:
        objs = [json.loads(line) for line in r.text.splitlines()]
        assert {o["id"] for o in objs} == {"p1", "p2"} and all(o["provenance"] for o in objs)


def test_import_shows_progress_and_rejects(as_role: Any, db: Any) -> None:
    client = as_role("analyst")
    lines = [json.dumps({"id": "n1", "text": "Weed dispo 10g 80€ Rennes", "author": "plug.rennes",
                         "platform": "snapchat", "date": "2025-04-01T10:00:00+02:00"}),
             "{not json",
             json.dumps({"id": "n2", "text": "Coke 70€ le g Rennes", "author": "plug.rennes",
                         "platform": "snapchat", "date": "2025-04-02T10:00:00+02:00"})]
    r = client.post("/import", data={"csrf_token": token(client)},
                    files={"file": ("../../evil name.jsonl", "\n".join(lines) + "\n", "application/octet-stream")},
                    follow_redirects=False)
    assert r.status_code == 303
    job_url = r.headers["location"]
    assert re.fullmatch(r"/import/[A-Za-z0-9_-]+", job_url)
    for _ in range(200):
        page = client.get(job_url, headers={"HX-Request": "true"}).text
        if 'data-state="done"' in page or 'data-state="failed"' in page:
            break
        assert 'hx-trigger="every 1s"' in page
        time.sleep(0.05)
    assert 'data-state="done"' in page, page
    assert re.search(r'id="job-added">2<', page) and re.search(r'id="job-rejected">1<', page)
    reject = re.search(r'<tr class="reject"><td>([^<]+)</td>', page)
    assert reject and re.fullmatch(r"evil_name\.jsonl:.*2.*", reject.group(1)), reject and reject.group(1)
    assert "hx-trigger" not in page  # polling stops once done
    new = _ids(client.get("/feed", params={"q": "rennes"}).text)
    assert len(new) == 2 and all(re.fullmatch(r"[0-9a-f]{12}:L[13]", i) for i in new), new
    with open_store(db) as s:
        from sentinelle import audit

        (entry,) = audit.entries(s, action="import")
        assert entry["detail"]["added"] == 2 and entry["detail"]["rejected"] == 1


def test_import_without_a_file(as_role: Any) -> None:
    client = as_role("analyst")
    r = client.post("/import", data={"csrf_token": token(client)})
    assert r.status_code == 400 and "Choose a file" in r.text


def test_upload_over_the_cap_is_refused_before_reading(db: Any) -> None:
    """A body larger than --max-upload-mb gets 413 with the limit named, and starts no import."""
    app = create_app(db, max_upload_mb=1)
    with TestClient(app) as client:
        assert login(client, "analyst").status_code == 303
        big = "x" * ((1 << 20) + 1000)
        r = client.post("/import", data={"csrf_token": token(client)},
                        files={"file": ("big.jsonl", big, "application/octet-stream")})
        assert r.status_code == 413 and "at most 1 MB" in r.text and "--max-upload-mb" in r.text
        assert app.state.web.jobs == {}
        small = json.dumps({"id": "s1", "text": "Recette de crêpes"}) + "\n"
        r = client.post("/import", data={"csrf_token": token(client)},
                        files={"file": ("small.jsonl", small, "application/octet-stream")}, follow_redirects=False)
        assert r.status_code == 303 and len(app.state.web.jobs) == 1


def test_post_without_a_length_is_refused(as_role: Any) -> None:
    client = as_role("analyst")

    def chunks() -> Iterator[bytes]:  # a streamed body is sent chunked, with no Content-Length
        yield b"csrf_token=x"

    r = client.post("/watchlists", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 411 and "Content-Length" in r.text


def test_watchlists(as_role: Any) -> None:
    client = as_role("analyst")
    html = client.get("/watchlists").text
    assert 'id="watch-form"' in html and 'select name="kind"' in html
    r = client.post("/watchlists", data={"csrf_token": token(client), "kind": "handle", "value": "weed.lyon69",
                                         "note": "<b>main</b> vendor"})
    assert r.status_code == 200
    rows = re.findall(r'<tr class="watch" data-id="(\d+)">', r.text)
    assert len(rows) == 1 and "weed.lyon69" in r.text and "&lt;b&gt;main&lt;/b&gt;" in r.text
    bad = client.post("/watchlists", data={"csrf_token": token(client), "kind": "email", "value": "x"})
    assert bad.status_code == 400
    client.post(f"/watchlists/{rows[0]}/remove", data={"csrf_token": token(client)})
    assert 'class="watch"' not in client.get("/watchlists").text


def test_alert_status_change(as_role: Any) -> None:
    client = as_role("analyst")
    html = client.get("/alerts").text
    assert 'id="alert-1"' in html and "new" in html
    r = client.post("/alerts/1/status", data={"status": "seen"}, headers={"HX-Request": "true",
                                                                          "X-CSRF-Token": token(client)})
    assert r.status_code == 200 and '<span class="alert-status">seen</span>' in r.text
    assert 'id="alert-1"' not in client.get("/alerts?status=new").text
    assert client.post("/alerts/1/status", data={"status": "gone", "csrf_token": token(client)}).status_code == 400


def test_network_page_and_graph(as_role: Any, db: Any) -> None:
    with open_store(db) as s:
        net = s.networks()[0]
    client = as_role("analyst")
    html = client.get(f"/networks/{net['id']}").text
    assert f'data-src="/api/networks/{net["id"]}/graph"' in html and 'id="graph"' in html
    assert "cytoscape.min.js" in html
    g = client.get(f"/api/networks/{net['id']}/graph").json()
    ids = {n["id"] for n in g["nodes"]}
    assert {a["account"] for a in net["accounts"]} <= ids
    assert g["edges"] and all(e["source"] in ids and e["target"] in ids and e["explanation"] for e in g["edges"])
    assert client.get("/api/networks/N-nope/graph").status_code == 404
    assert f'href="/networks/{net["id"]}"' in client.get("/networks").text


def test_account_and_phone_pages(as_role: Any) -> None:
    client = as_role("analyst")
    html = client.get("/accounts/telegram:pluglyon69").text
    assert "PlugLyon69" in html and 'id="timeline"' in html and set(_ids(html)) >= {"p1", "p2"}
    assert "+33612345678" in html  # identifiers given in its posts
    assert 'id="price-history"' in html and "cannabis_herb" in html
    phone = client.get("/accounts/phone:+33612345678").text
    assert {"p1", "p2", "p3"} <= set(_ids(phone))
    assert client.get("/accounts/telegram:nobody").status_code == 404
    assert client.get("/accounts/account-0000000000").status_code == 404


def test_prices_page_and_api(as_role: Any) -> None:
    client = as_role("researcher")
    html = client.get("/prices", params={"product": "cannabis_herb"}).text
    assert 'id="price-chart"' in html and 'data-src="/api/prices?product=cannabis_herb&amp;by=month"' in html
    assert "chart.umd.min.js" in html and 'class="price-row"' in html
    data = client.get("/api/prices", params={"product": "cannabis_herb"}).json()
    assert data["labels"] and data["series"]
    assert all(len(s["data"]) == len(data["labels"]) for s in data["series"])
    assert all(s["label"].startswith("cannabis_herb") for s in data["series"])


def test_overview(as_role: Any) -> None:
    client = as_role("analyst")
    html = client.get("/").text
    assert 'id="volume-chart"' in html and 'id="count-posts">7<' in html and 'id="count-other">1<' in html
    assert "watch handle weed.lyon69" in html  # latest alerts
    v = client.get("/api/overview").json()
    assert sum(sum(s) for s in v["series"].values()) == 7 and v["labels"]
    assert "watch handle" not in as_role("researcher").get("/").text  # alerts name raw identifiers


@pytest.fixture
def ocr_db(tmp_path: Path) -> Path:
    """A store with one OCR'd screenshot: its original PNG in the evidence store, word boxes in meta."""
    buf = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buf, "PNG")
    path = tmp_path / "ocr.db"
    text = "coke 60€ le g Lyon\nmerci"
    meta = (("ocr_boxes", json.dumps([[0, 4, 10, 10, 40, 12, 90], [5, 8, 60, 10, 30, 12, 90],
                                      [14, 18, 100, 10, 40, 12, 90], [19, 24, 10, 40, 50, 12, 90]])),
            ("image_size", "200x100"), ("image_format", "PNG"))
    from sentinelle import accounts, api

    with open_store(path) as s:
        sha = s.add_original_bytes(buf.getvalue(), name="shot.png")
        post = Post(id="img1", text=text, platform="image", provenance=Provenance(sha, "shot.png", "", "ocr"),
                    meta=meta)
        s.add_posts([post], file=FileInfo(sha, "shot.png", format="image"))
        run = s.start_run("analyse", {})
        s.save_results(run, [("img1", api.analyze_post(post).to_record())])
        accounts.add_user(s, "analyst", "analyst", "analyst passphrase 42")
        accounts.add_user(s, "researcher", "researcher", "researcher passphrase 42")
    return path


def test_ocr_evidence_boxes_on_the_image(ocr_db: Path) -> None:
    from sentinelle.web.app import create_app

    from .conftest import login

    app = create_app(ocr_db)
    with TestClient(app) as c:
        login(c, "analyst")
        html = c.get("/posts/img1").text
        assert 'id="post-image"' in html and '<img src="/posts/img1/image"' in html
        boxes = re.findall(r'<rect class="ocr-box" data-kind="([a-z]+)" x="(\d+)" y="(\d+)"', html)
        assert sorted(boxes) == [("places", "100", "10"), ("prices", "60", "10"), ("products", "10", "10")]
        img = c.get("/posts/img1/image")
        assert img.status_code == 200 and img.headers["content-type"] == "image/png"
        assert img.content.startswith(b"\x89PNG")
    with open_store(ocr_db) as s:
        from sentinelle import audit

        assert [e["detail"] for e in audit.entries(s, action="view_post")] == [{"image": True}, {}]
    with TestClient(app) as c:
        login(c, "researcher")
        html = c.get("/posts/img1").text
        assert 'id="post-image"' in html and "<img" not in html  # the screenshot shows raw identifiers


def test_vendored_assets_match_their_record(client: TestClient) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import vendor_assets
    finally:
        sys.path.pop(0)
    assert vendor_assets.check(vendor_assets.OUT_DIR) == []
    entries = json.loads((vendor_assets.OUT_DIR / "VENDOR.json").read_text())
    assert {e["name"] for e in entries} == {"htmx.org", "chart.js", "cytoscape"}
    versions = {e["name"]: e["version"] for e in entries}
    assert versions["htmx.org"].startswith("2.") and versions["chart.js"].startswith("4.")
    assert versions["cytoscape"].startswith("3.")
    assert all(e["licence"] and e["sha512"].startswith("sha512-") for e in entries)
    for e in entries:
        r = client.get(f"/static/vendor/{e['file']}")
        assert r.status_code == 200 and "javascript" in r.headers["content-type"]
