"""Escaping, evidence highlighting, pseudonyms and link safety (pure functions)."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from sentinelle.web.render import Masker, Span, esc, finalize, highlight, safe_href, visible_controls

SECRET = b"s" * 32


def _text_of(html: str) -> str:
    """The text a browser would show (tags dropped, entities decoded)."""
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a & b \"quoted\" 'single' </mark><mark>",
    "javascript:alert(document.cookie)",
])
def test_highlight_escapes_every_piece(text: str) -> None:
    html = highlight(text, [Span(0, 4, "products"), Span(2, 9, "category")])
    assert "<script" not in html and "<img" not in html
    assert re.sub(r'</?mark[^>]*>', "", html).count("<") == 0  # only our own tags are markup
    assert _text_of(html) == text


@pytest.mark.parametrize("spans, expected", [
    ([Span(0, 4, "products")], '<mark class="ev" data-kind="products">coke</mark> 60€ Lyon'),
    ([Span(5, 8, "prices"), Span(9, 13, "places")],
     'coke <mark class="ev" data-kind="prices">60€</mark> <mark class="ev" data-kind="places">Lyon</mark>'),
    # overlap: the fact's kind wins over verdict evidence; the text appears once
    ([Span(0, 8, "category"), Span(0, 4, "products")],
     '<mark class="ev" data-kind="products">coke</mark><mark class="ev" data-kind="category"> 60€</mark> Lyon'),
    # spans outside the text are clipped or dropped
    ([Span(9, 99, "places"), Span(50, 60, "products"), Span(-3, 1, "products")],
     '<mark class="ev" data-kind="products">c</mark>oke 60€ <mark class="ev" data-kind="places">Lyon</mark>'),
    ([], "coke 60€ Lyon"),
])
def test_highlight_marks(spans: list[Span], expected: str) -> None:
    assert str(highlight("coke 60€ Lyon", spans)) == expected


def test_masked_spans_replace_the_text() -> None:
    text = "tel 06 12 34 56 78 snap @plug"
    spans = [Span(4, 18, "phones", "phone-abc"), Span(0, 3, "category"), Span(24, 29, "handles", "account-x"),
             Span(25, 29, "handles", "account-x")]
    html = str(highlight(text, spans))
    assert "06 12" not in html and "plug" not in html
    assert html.count("phone-abc") == 1 and html.count("account-x") == 1
    assert '<mark class="ev masked" data-kind="phones">phone-abc</mark>' in html


def test_bidi_override_is_made_visible() -> None:
    text = "weed \u202egnp.exe"
    html = str(highlight(text, [Span(0, 4, "products")]))
    assert "\u202e" not in html and '<span class="ctl">U+202E</span>' in html
    assert "\u202e" not in str(esc(text))
    assert visible_controls("a\u2067b") == "a[U+2067]b"
    assert finalize("x\u202ey") == "x[U+202E]y"
    assert finalize(Markup("<b>\u202e</b>")) == Markup("<b>\u202e</b>")  # our own markup untouched


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a?b=c", True),
    ("http://example.org", True),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox", False),
    ("//evil.example/x", False),
    ("/local/path", False),
    ("https://exa\u202emple.org", False),
    (None, False),
])
def test_safe_href(url: str | None, ok: bool) -> None:
    assert (safe_href(url) is not None) is ok


def test_masker_pseudonyms_are_stable_and_scrub_free_text() -> None:
    m = Masker(SECRET)
    a = m.account("snapchat", "@Weed.Lyon")
    assert a == m.account("Snapchat", "weed.lyon") and a.startswith("account-")
    assert m.account("snapchat", "other") != a
    p = m.phone("+33612345678")
    assert m.node("phone:+33612345678") == p and m.node("snapchat:weed.lyon") == a
    out = m.scrub("L1 (snapchat weed.lyon) gives phone +33612345678, see https://t.me/x and www.example.org/y; "
                  "link t.me/weed.lyon names it, as does snapchat:WEED.LYON.")
    assert "weed.lyon" not in out.casefold() and "+33612345678" not in out
    assert "t.me/x" not in out and "example.org" not in out
    assert a in out and p in out
    assert Masker(b"t" * 32).phone("+33612345678") != p  # another database, another pseudonym


def test_masker_inactive_for_raw_roles() -> None:
    m = Masker(None)
    assert not m.active
    assert m.account("snapchat", "@Weed.Lyon") == "snapchat:weed.lyon"
    assert m.phone("+33612345678") == "+33612345678"
    assert m.scrub("https://t.me/x weed.lyon") == "https://t.me/x weed.lyon"
