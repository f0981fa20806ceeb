"""The post page (text with evidence, provenance, findings and their reviews), the OCR'd image
and the review of one finding."""

from __future__ import annotations

import json
import zipfile
from typing import Any

from starlette.responses import RedirectResponse, Response

from .. import reviews
from ..accounts import AccountError
from .base import Req, page
from .postview import FindingRow, author_of, finding_rows, ocr_boxes, reanalyse, text_html
from .render import path_part, safe_href

IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp",
               "BMP": "image/bmp"}
MAX_IMAGE = 40 * 1024 * 1024
SHOWN_META = ("chat", "forwarded_from", "reply_to", "source_id", "url", "link", "ocr_engine", "ocr_conf",
              "ocr_preprocess", "image_size", "image_format")


def _rows(req: Req, obj: dict[str, Any]) -> list[FindingRow]:
    return finding_rows(obj, reanalyse(obj), req.masker, reviews.reviews(req.store, str(obj["id"])))


def _meta(req: Req, obj: dict[str, Any]) -> list[dict[str, Any]]:
    """Importer extras worth showing; links only as http(s); identifiers scrubbed for researchers."""
    out = []
    meta = obj.get("meta") or {}
    for key in SHOWN_META:
        if key not in meta:
            continue
        values = meta[key] if isinstance(meta[key], list) else [meta[key]]
        for v in values:
            text = str(v)
            if not req.raw:
                text = req.masker.scrub(text)
            out.append({"key": key, "value": text, "href": safe_href(text) if req.raw else None})
    return out


@page("view")
def post(req: Req) -> Response:
    post_id = req.request.path_params["post_id"]
    obj = req.store.get(post_id)
    if obj is None:
        return req.error(404, "no such post")
    rows = _rows(req, obj)
    html = text_html(obj, rows, req.masker)
    ocr = ocr_boxes(obj, rows) if obj.get("meta", {}).get("ocr_boxes") is not None else None
    req.audit("view_post", str(obj["id"]))
    prov = obj.get("provenance") or {}
    return req.render("post.html", {
        "post": obj, "rows": rows, "html": html, "author": author_of(obj, req.masker), "meta": _meta(req, obj),
        "provenance": {"path": prov.get("path", ""), "sha256": prov.get("sha256", ""), "member": prov.get("member", ""),
                       "locator": prov.get("locator", ""), "source": obj.get("source", "")},
        "ocr": ocr, "image_url": f"/posts/{path_part(obj['id'])}/image" if ocr and req.raw else None,
        "network": obj.get("network"),
    })


@page("view_raw")
def image(req: Req) -> Response:
    """The screenshot an OCR'd post was read from (raw evidence: not for researchers)."""
    obj = req.store.get(req.request.path_params["post_id"])
    meta = (obj or {}).get("meta") or {}
    prov = (obj or {}).get("provenance") or {}
    media = IMAGE_TYPES.get(str(meta.get("image_format", "")).upper())
    if obj is None or not prov or media is None:
        return req.error(404, "no image for this post")
    path = req.store.original_path(str(prov.get("sha256", "")))
    if path is None:
        return req.error(404, "the original is not in the evidence store")
    try:
        if prov.get("member"):
            with zipfile.ZipFile(path) as zf:
                info = zf.getinfo(str(prov["member"]))
                if info.file_size > MAX_IMAGE:
                    return req.error(413, "image too large")
                data = zf.read(info)
        else:
            with open(path, "rb") as fh:
                data = fh.read(MAX_IMAGE + 1)
            if len(data) > MAX_IMAGE:
                return req.error(413, "image too large")
    except (OSError, KeyError, zipfile.BadZipFile):
        return req.error(404, "the image cannot be read from its original")
    req.audit("view_post", str(obj["id"]), {"image": True})
    return Response(data, media_type=media, headers={"Content-Disposition": "inline"})


def _value(raw: str) -> Any:
    """A corrected value: JSON when it parses as an object, list or number, else the text."""
    raw = raw.strip()
    if raw[:1] in "{[" or raw.replace(".", "", 1).lstrip("-").isdigit():
        try:
            return json.loads(raw)
        except ValueError:
            pass
    return raw


@page("review")
def review(req: Req) -> Response:
    """Confirm, reject or correct finding `index` of a post; htmx gets the updated row back."""
    post_id = req.request.path_params["post_id"]
    index = int(req.request.path_params["index"])
    action = req.field("action")
    obj = req.store.get(post_id)
    if obj is None:
        return req.error(404, "no such post")
    if not 0 <= index < len(obj.get("evidence") or ()):
        return req.error(404, f"the post has no finding {index}")
    value = _value(req.field("value")) if action == "correct" else None
    try:
        rid = reviews.add_review(req.store, post_id, index, action, user=req.name, value=value,
                                 note=req.field("note")[:4000])
    except AccountError as e:
        return req.error(400, str(e))
    req.audit("review", post_id, {"finding": index, "action": action, "value": value, "review": rid})
    if req.htmx:
        row = next(r for r in _rows(req, obj) if r.index == index)
        return req.render("_finding.html", {"row": row, "post": obj})
    return RedirectResponse(f"/posts/{path_part(post_id)}#finding-{index}", status_code=303)
