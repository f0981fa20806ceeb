"""The analyst web app in a real browser: the analyst's main paths, and hostile posts rendering inert."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import HOSTILE, HOSTILE_AUTHOR, NET_HANDLES, NET_PHONE, NET_PHONE_TEXT, PASSWORDS, Case, Watch

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def post_url(case: Case, name: str) -> str:
    from urllib.parse import quote

    return "/posts/" + quote(case.ids[name], safe=":@")


def canvas_ink(page: Any, selector: str) -> int:
    """How many pixels of the canvas are not transparent (0 for a blank chart)."""
    return int(page.eval_on_selector(selector, """c => {
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n; }"""))


def test_login_rejects_a_wrong_password_then_lands_on_the_overview(page: Any, case: Case) -> None:
    page.goto("/feed")
    assert "/login" in page.url  # anonymous: sent to the login form
    page.fill("#login-form input[name=username]", "analyst")
    page.fill("#login-form input[name=password]", "not the password")
    page.click("#login-form button[type=submit]")
    assert page.locator("#login-error").is_visible()
    page.fill("#login-form input[name=username]", "analyst")
    page.fill("#login-form input[name=password]", PASSWORDS["analyst"])
    page.click("#login-form button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto("/")
    assert int(page.inner_text("#count-posts")) >= len(case.ids)
    page.wait_for_selector("canvas#volume-chart[data-ready='1']")
    assert canvas_ink(page, "canvas#volume-chart") > 0
    cookie = next(c for c in page.context.cookies() if c["name"] == "sentinelle_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"


def test_search_swaps_results_and_highlights_evidence(page: Any, login: Any, case: Case) -> None:
    login("analyst")
    page.goto("/feed")
    page.fill("#search-form input[name=q]", "frappe")
    page.click("#search-form button[type=submit]")
    page.wait_for_url(re.compile(r"q=frappe"))  # htmx pushed the search into the address bar
    rows = page.locator("#results .post-row")
    rows.first.wait_for()
    assert rows.count() == 8  # the eight weekly "Frappe dispo beuh" posts, and only them
    for text in rows.locator("p.text").all_inner_texts():
        assert "frappe" in text.lower()
    assert page.locator("#results mark.ev[data-kind=products]").count() >= 8
    hrefs = rows.locator("a.post-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith("/posts/") for h in hrefs)
    # filters narrow the same search; SQL metacharacters are just text
    page.goto("/feed?q=beuh&department=13")
    assert page.locator("#results .post-row").count() == 0
    page.goto("/feed?q=" + "%27%20OR%201%3D1%20--%20%22%3B")
    assert page.locator("#results .post-row").count() == 0
    with page.expect_response(lambda r: "/feed" in r.url) as resp:
        page.goto("/feed?q=coke&category=sale")
    assert resp.value.status == 200
    assert page.locator("#results .post-row").count() >= 8


def test_open_a_post_and_confirm_a_finding(page: Any, login: Any, case: Case) -> None:
    login("analyst")
    page.goto("/feed?q=marseille")
    page.locator(f"#results a.post-link[href='{post_url(case, 'mrs-2')}']").click()
    page.wait_for_selector("#post-text")
    assert page.locator("#post-text mark.ev").count() > 0
    assert re.fullmatch(r"[0-9a-f]{64}", page.inner_text("#provenance .prov-sha256").strip())
    assert "posts.jsonl" in page.inner_text("#provenance .prov-path")
    row = page.locator("#findings tr.finding").first
    index = int(row.get_attribute("data-index") or "-1")
    assert row.locator("td.explanation").inner_text().strip()
    row.locator("button.review-confirm").click()
    status = page.locator(f"#findings tr.finding[data-index='{index}'] .review-status")
    status.wait_for()
    assert "confirmed" in status.inner_text()
    page.reload()  # kept, not just swapped in
    assert "confirmed" in page.locator(f"#findings tr.finding[data-index='{index}'] .review-status").inner_text()
    from sentinelle import audit, reviews

    with case.store() as store:
        assert [r["action"] for r in reviews.reviews(store, case.ids["mrs-2"])][:1] == ["confirm"]
        entries = audit.entries(store, user="analyst", action="review")
        assert any(e["target"] == case.ids["mrs-2"] for e in entries)
        assert any(e["target"] == case.ids["mrs-2"] for e in audit.entries(store, user="analyst",
                                                                            action="view_post"))
        assert audit.verify(store).ok


def test_network_graph_is_drawn(page: Any, login: Any, case: Case) -> None:
    big = next(n for n in case.networks if len(n["accounts"]) >= 2)
    login("analyst")
    page.goto("/networks")
    page.locator(f"#networks a.network-link:text-is('{big['id']}')").click()
    graph = page.locator("#graph[data-ready='1']")
    graph.wait_for()
    assert int(graph.get_attribute("data-nodes") or "0") > 1
    assert int(graph.get_attribute("data-edges") or "0") >= 1
    assert page.locator("#members tr.member").count() >= 2
    assert page.locator("#links tr.link td.reason").first.inner_text().strip()
    assert page.locator("#graph canvas").count() > 0  # Cytoscape drew into its canvases


def test_price_chart_has_points(page: Any, login: Any) -> None:
    login("analyst")
    page.goto("/prices?by=week")
    page.wait_for_selector("canvas#price-chart[data-ready='1']")
    assert int(page.get_attribute("canvas#price-chart", "data-series") or "0") >= 2  # herb and cocaine
    assert canvas_ink(page, "canvas#price-chart") > 500
    assert page.locator("#price-table tr.price-row").count() >= 8
    page.select_option("#price-form select[name=product]", "cocaine")
    page.fill("#price-form input[name=department]", "13")
    page.click("#price-form button[type=submit]")
    page.wait_for_url(re.compile(r"department=13"))
    page.wait_for_selector("canvas#price-chart[data-ready='1']")
    products = set(page.locator("#price-table tr.price-row td:nth-child(2)").all_inner_texts())
    assert products == {"cocaine"}
    assert canvas_ink(page, "canvas#price-chart") > 500


def test_create_a_watchlist_entry(page: Any, login: Any, case: Case) -> None:
    login("analyst")
    page.goto("/watchlists")
    before = page.locator("#watchlist tr.watch").count()
    page.select_option("#watch-form select[name=kind]", "phone")
    page.fill("#watch-form input[name=value]", NET_PHONE)
    page.fill("#watch-form input[name=note]", "<b>bold</b> note")
    page.click("#watch-form button[type=submit]")
    page.wait_for_url(re.compile(r"/watchlists"))
    rows = page.locator("#watchlist tr.watch")
    assert rows.count() == before + 1
    mine = rows.filter(has_text=NET_PHONE)
    assert mine.count() == 1 and "<b>bold</b> note" in mine.inner_text()
    assert page.locator("#watchlist b").count() == 0
    from sentinelle import audit

    with case.store() as store:
        assert audit.entries(store, user="analyst", action="watch_add")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_posts_render_inert(page: Any, login: Any, case: Case, watch: Watch, name: str) -> None:
    login("analyst")
    for where in (post_url(case, f"hostile-{name}"), "/feed?category=sale"):
        page.goto(where)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # an onerror handler would have run by now
        # nothing from the post text became an element
        assert page.locator("img[src=x]").count() == 0
        assert page.locator("img[onerror], [onerror], [onclick], [onload]").count() == 0
        scripts = page.locator("script").evaluate_all("els => els.map(e => e.getAttribute('src'))")
        assert all(s and s.startswith("/static/") for s in scripts), scripts  # only our own, by src
        # no link runs code
        hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if not re.match(r"(/|https?://|#)", h.strip())], hrefs
    text = page.goto(post_url(case, f"hostile-{name}")) and page.inner_text("#post-text")
    if name == "script":
        assert "<script>alert(1)</script>" in text
    elif name == "img":
        assert "<img src=x onerror=alert(1)>" in text
        assert HOSTILE_AUTHOR in page.inner_text(".meta-line")  # the hostile author name, as text
    elif name == "js":
        assert "javascript:alert(1)" in text
        assert page.locator("a[href^='javascript' i]").count() == 0
        assert "javascript:alert(1)" in page.inner_text("#provenance")  # the url field: shown, not linked
        link = page.locator("#post-text a")
        assert link.count() == 0
    else:  # the right-to-left override is shown as a visible marker, not obeyed
        assert "\u202e" not in page.locator("#post-text").text_content()
        assert page.locator("#post-text .ctl").first.inner_text() == "U+202E"
        assert "gnp.exe" in text
    assert not watch.dialogs


def test_csp_header_present_and_no_violation_from_our_pages(page: Any, login: Any, case: Case,
                                                            watch: Watch) -> None:
    login("admin")
    paths = ["/", "/feed?q=beuh", post_url(case, "lyon-snap-1"), "/networks", "/prices", "/alerts",
             "/watchlists", "/import", "/audit", "/users"]
    big = next(n for n in case.networks if len(n["accounts"]) >= 2)
    paths.append(f"/networks/{big['id']}")
    for path in paths:
        resp = page.goto(path)
        assert resp is not None and resp.status == 200, path
        headers = resp.headers
        assert headers["content-security-policy"] == CSP, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        page.wait_for_load_state("load")
    page.wait_for_selector("#graph[data-ready='1']")  # the last page ran its scripts under the CSP
    assert not watch.csp_violations, watch.csp_violations
    assert not [m for m in watch.console if m.startswith("error")], watch.console


def test_researcher_sees_pseudonyms_only(page: Any, login: Any, case: Case) -> None:
    login("researcher")
    assert page.goto("/alerts").status == 403  # raw evidence pages are not for researchers
    big = next(n for n in case.networks if len(n["accounts"]) >= 2)
    raw = [NET_PHONE, NET_PHONE_TEXT, *NET_HANDLES, "PlugLyon69", "0612345678"]
    seen = []
    for path in ("/feed?q=beuh", post_url(case, "lyon-snap-2"), "/networks", f"/api/networks/{big['id']}/graph",
                 f"/networks/{big['id']}", post_url(case, "lyon-tg-2")):  # the last one is the screenshot
        resp = page.goto(path)
        assert resp is not None and resp.status == 200, path
        if path.startswith("/networks/"):
            page.wait_for_selector("#graph[data-ready='1']")
        html = page.content() + resp.text()
        for value in raw:
            assert value.lower() not in html.lower(), f"{path} shows the raw {value!r} to a researcher"
        seen += re.findall(r"\b(?:phone|handle|author|account)-[0-9a-f]{10}\b", html)
    assert seen, "no pseudonym shown"


def test_ocr_screenshot_shows_evidence_boxes(page: Any, login: Any, case: Case) -> None:
    if case.ocr_id is None:
        pytest.skip("tesseract is not installed: no OCR'd screenshot in the case")
    from urllib.parse import quote

    login("analyst")
    page.goto("/posts/" + quote(case.ocr_id, safe=":@"))
    img = page.locator("#post-image img")
    img.wait_for()
    page.wait_for_function("() => document.querySelector('#post-image img').naturalWidth > 0")
    assert page.locator("#post-image .ocr-box").count() >= 2  # at least the two prices
    assert page.locator("#post-text mark.ev").count() >= 2
