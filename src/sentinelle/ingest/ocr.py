"""OCR of screenshots (stories, menus, chats): an image in, one `Post` out, with its word boxes.

    from sentinelle.ingest import read_path
    from sentinelle.ingest.ocr import ocr_hook, ocr_image, OcrError
    for item in read_path("screenshots/", ocr_hook=ocr_hook): ...
    post = ocr_image(source)          # raises OcrError (with a stable `code`) on a bad image

Engine: Tesseract (Debian `tesseract-ocr`, `tesseract-ocr-fra`, `tesseract-ocr-eng`), French and
English together (`fra+eng`), run as a subprocess that reads the image on stdin and writes TSV on
stdout (no temporary file), one OpenMP thread (twice as fast as the default on small images, and
the caller parallelises across images), with a timeout.

Preprocessing: EXIF orientation applied, transparency flattened on white, grayscale, autocontrast;
images under 600 px wide upscaled 2x (Tesseract wants text at least ~20 px high); a dark background
(white text on black or on a dark photo, as stories often have) inverted. When the background is
neither clearly light nor clearly dark (photos), both polarities are read and the one with the
more text read with confidence is kept. When little or nothing is read with confidence (text
on a photo, which automatic page segmentation takes for a picture), sparse-text segmentation
(`--psm 11`) is tried as well and kept if it reads more.

The text keeps the reading order line by line: words are grouped into lines by Tesseract's
block/paragraph/line numbers, and a line of one block that sits on the same visual row as a line of
another block (a menu's right-aligned price column, which Tesseract reads as a separate block) is
joined to it, so "Amnesia 10g .......... 80€" stays one line. Lines are separated by "\\n", blocks
by a blank line. Digit look-alikes inside numbers are fixed ("lg" -> "1g", "5O€" -> "50€").
Low-confidence debris without letters or digits (what emoji turn into) is dropped.
Emoji themselves are not recognised.

The post: id "<sha256[:12]>:ocr", platform "image", locator "ocr", meta:
    ocr_engine      "tesseract 5.3.0 fra+eng"
    ocr_conf        mean word confidence, 0-100
    ocr_preprocess  the steps applied, e.g. "gray,x2,autocontrast,invert"
    ocr_boxes       JSON [[start, end, left, top, width, height, conf], ...]: for each word, its
                    character span in the post text and its box in pixels of the image as
                    displayed (after EXIF orientation), so evidence can be highlighted on it
    image_phash     perceptual hash, 16 hex digits (see `imagehash_groups.group_near_duplicates`)
    image_size      "WxH" as displayed
    image_format    "PNG", "JPEG", ...

Errors (`OcrError.code`, message naming the file): SEN150 not a readable image (not an image,
truncated, corrupt, unsupported format such as HEIC), SEN151 too large (bytes or pixels: a
decompression bomb is refused before decoding), SEN152 too small to hold text, SEN153 OCR engine
unavailable (tesseract or its language data missing), SEN154 OCR failed or timed out. The code is
also at the end of the message ("... [SEN151]"), because `read_path` reports a failing hook by its
message.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..core import Post
from ..errors import SentinelleError
from .base import Source

try:  # Pillow and imagehash are needed for images only; the rest of the package works without them
    import imagehash
    from PIL import Image, ImageChops, ImageOps, UnidentifiedImageError
except ImportError:  # pragma: no cover - reported as SEN153 when an image is met
    Image = None  # type: ignore[assignment]


class OcrError(SentinelleError):
    """An image could not be OCR'd. `code` says why (see the module docstring)."""

    code = "SEN150"

    def __init__(self, message: str, *, where: str = "") -> None:
        # The code is in the message too: read_path reports hook failures by their message.
        super().__init__(f"{message} [{self.code}]", where=where)
        self.reason = message


class NotAnImage(OcrError):
    code = "SEN150"


class ImageTooLarge(OcrError):
    code = "SEN151"


class ImageTooSmall(OcrError):
    code = "SEN152"


class OcrUnavailable(OcrError):
    code = "SEN153"


class OcrFailed(OcrError):
    code = "SEN154"


SPARSE_PSM = 11
INSTALL_HINT = "install the Debian packages tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng"


@dataclass(frozen=True)
class OcrConfig:
    lang: str = "fra+eng"
    psm: int = 3  # Tesseract page segmentation: 3 = automatic
    timeout: float = 60.0  # seconds per Tesseract run
    max_bytes: int = 64 << 20  # an image file over this is refused
    max_pixels: int = 40_000_000  # declared width x height over this is refused before decoding
    min_side: int = 10  # an image narrower or lower than this holds no readable text
    upscale_below: int = 600  # width under which the image is upscaled 2x
    max_ocr_pixels: int = 40_000_000  # no upscaling beyond this
    dark_below: int = 100  # median luminance under which the background is dark (inverted)
    light_above: int = 155  # over which it is light; in between both polarities are tried
    weak_score: float = 20.0  # under this many confident characters, or...
    weak_conf: float = 70.0  # ...under this mean confidence, sparse-text segmentation is tried too
    tesseract_cmd: str = ""  # "" = `tesseract` on PATH
    platform: str = "image"
    extra_args: tuple[str, ...] = field(default=())


DEFAULT_CONFIG = OcrConfig()


# -- the engine --------------------------------------------------------------------------------

def _tesseract_path(cmd: str) -> str:
    found = shutil.which(cmd or "tesseract")
    if not found:
        raise OcrUnavailable(f"tesseract not found{f' ({cmd})' if cmd else ' on PATH'}; {INSTALL_HINT}")
    return found


@lru_cache(maxsize=8)
def _engine(path: str, lang: str) -> str:
    """Check the engine once per (binary, languages); its version string, or OcrUnavailable."""
    try:
        ver = subprocess.run([path, "--version"], capture_output=True, timeout=30, check=False)
        langs = subprocess.run([path, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailable(f"cannot run {path}: {exc}; {INSTALL_HINT}") from None
    first = (ver.stdout or ver.stderr).decode("utf-8", "replace").strip().splitlines()
    version = first[0].split()[-1] if first and first[0].lower().startswith("tesseract") else "?"
    have = set((langs.stdout + langs.stderr).decode("utf-8", "replace").split())
    missing = [code for code in lang.split("+") if code not in have]
    if missing:
        pkgs = " ".join(f"tesseract-ocr-{m}" for m in missing)
        raise OcrUnavailable(f"tesseract has no language data for {'+'.join(missing)}; install {pkgs}")
    return f"tesseract {version} {lang}"


def engine_version(config: OcrConfig = DEFAULT_CONFIG) -> str:
    """"tesseract 5.3.0 fra+eng", or OcrUnavailable if the engine or a language is missing."""
    return _engine(_tesseract_path(config.tesseract_cmd), config.lang)


def available(config: OcrConfig = DEFAULT_CONFIG) -> bool:
    try:
        engine_version(config)
    except OcrError:
        return False
    return Image is not None


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    key: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbered them


def _run_tesseract(img: Any, config: OcrConfig, path: str, where: str) -> list[Word]:
    buf = io.BytesIO()
    img.save(buf, format="PPM")  # uncompressed PGM: fastest to write and to read
    cmd = [path, "stdin", "stdout", "-l", config.lang, "--psm", str(config.psm),
           "-c", "tessedit_do_invert=0", *config.extra_args, "tsv"]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=config.timeout,
                              env=env, check=False)
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"tesseract took more than {config.timeout:g} s", where=where) from None
    except OSError as exc:
        raise OcrUnavailable(f"cannot run tesseract: {exc}; {INSTALL_HINT}", where=where) from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrFailed(f"tesseract failed (exit {proc.returncode}): {' / '.join(err[-3:])}", where=where)
    return parse_tsv(proc.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[Word]:
    """The words (level 5 rows) of Tesseract's TSV output, in its order."""
    words: list[Word] = []
    for row in tsv.splitlines():
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = "\t".join(cols[11:]).strip()
        try:
            conf = float(cols[10])
            left, top, width, height = (int(c) for c in cols[6:10])
            key = (int(cols[2]), int(cols[3]), int(cols[4]))
        except ValueError:
            continue
        if text and conf >= 0:
            words.append(Word(fix_digits(text), left, top, width, height, conf, key))
    return words


# -- layout: words to lines to text --------------------------------------------------------------

_BOXES = "[](){}|"


def _is_debris(w: Word) -> bool:
    """What emoji and icons become: brackets and bars only, or low-confidence marks with at most
    two letters and no digit."""
    if not w.text.strip(_BOXES):
        return True
    if w.conf >= 50 or any(c.isdigit() for c in w.text):
        return False
    return sum(c.isalpha() for c in w.text) <= 2


_NUMERIC = re.compile(r"(?=[\dlI|O]*\d|[lI|][0O]?g\Z)[\dlI|O]+(?:g|kg|€|e|cl|ml)?\Z")
_DIGIT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0"})


def fix_digits(token: str) -> str:
    """Undo Tesseract's usual confusions inside a number: "l0g" -> "10g", "5O€" -> "50€", "lg" -> "1g".
    Only tokens made of digits and look-alikes (with at least one real digit, or exactly "lg"/"l0g")
    and an optional unit are touched; the length never changes, so word spans stay valid."""
    if _NUMERIC.match(token):
        unit = re.search(r"(?:g|kg|€|e|cl|ml)\Z", token)
        cut = unit.start() if unit else len(token)
        return token[:cut].translate(_DIGIT_LOOKALIKES) + token[cut:]
    return token


class _Line:
    __slots__ = ("block", "bottom", "left", "right", "top", "words")

    def __init__(self, block: int, words: list[Word]) -> None:
        self.block = block
        self.words = words
        self.top = min(w.top for w in words)
        self.bottom = max(w.top + w.height for w in words)
        self.left = min(w.left for w in words)
        self.right = max(w.left + w.width for w in words)

    def same_row(self, other: _Line) -> bool:
        """On the same visual row and side by side (not overlapping horizontally)."""
        overlap = min(self.bottom, other.bottom) - max(self.top, other.top)
        h = min(self.bottom - self.top, other.bottom - other.top)
        side = self.right <= other.left or other.right <= self.left
        return h > 0 and overlap >= 0.5 * h and side

    def absorb(self, other: _Line) -> None:
        self.words = sorted(self.words + other.words, key=lambda w: w.left)
        self.top, self.bottom = min(self.top, other.top), max(self.bottom, other.bottom)
        self.left, self.right = min(self.left, other.left), max(self.right, other.right)


def layout(words: list[Word]) -> tuple[str, list[tuple[int, int, Word]]]:
    """The text, and each word's (start, end) in it, from Tesseract's words in reading order."""
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        if not _is_debris(w):
            grouped.setdefault(w.key, []).append(w)
    lines = [_Line(key[0], ws) for key, ws in grouped.items()]
    merged: list[_Line] = []
    for line in lines:
        host = next((m for m in merged if m.block != line.block and m.same_row(line)), None)
        if host is None:
            merged.append(line)
        else:
            host.absorb(line)
    parts: list[str] = []
    spans: list[tuple[int, int, Word]] = []
    pos = 0
    prev_block: int | None = None
    for line in merged:
        if parts:
            sep = "\n\n" if line.block != prev_block else "\n"
            parts.append(sep)
            pos += len(sep)
        prev_block = line.block
        for k, w in enumerate(line.words):
            if k:
                parts.append(" ")
                pos += 1
            parts.append(w.text)
            spans.append((pos, pos + len(w.text), w))
            pos += len(w.text)
    return "".join(parts), spans


def _score(words: list[Word]) -> float:
    """How much was read with confidence: letters and digits weighted by confidence (debris excluded)."""
    return sum(w.conf / 100 * sum(c.isalnum() for c in w.text) for w in words
               if w.conf >= 40 and not _is_debris(w))


def _mean_conf(words: list[Word]) -> float:
    """Mean word confidence weighted by word length (debris and one-letter noise count little)."""
    total = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / total if total else 0.0


# -- images ------------------------------------------------------------------------------------

def _read_bytes(source: Source, config: OcrConfig) -> bytes:
    where = source.name
    if source.size and source.size > config.max_bytes:
        raise ImageTooLarge(f"image file of {source.size:,} bytes, over the limit of {config.max_bytes:,}",
                            where=where)
    try:
        with source.open() as fh:
            data: bytes = fh.read(config.max_bytes + 1)
    except OSError as exc:
        raise NotAnImage(f"cannot read the image: {exc}", where=where) from None
    if len(data) > config.max_bytes:
        raise ImageTooLarge(f"image file over the limit of {config.max_bytes:,} bytes", where=where)
    return data


def load_image(data: bytes, where: str, config: OcrConfig = DEFAULT_CONFIG) -> Any:
    """Decode, check size limits, apply EXIF orientation, flatten transparency: an RGB or L image."""
    if Image is None:
        raise OcrUnavailable("Pillow and imagehash are not installed (pip install Pillow imagehash)",
                             where=where)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DecompressionBombWarning: our own pixel limit applies
        try:
            im: Any = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:
            raise ImageTooLarge(f"refused as a possible decompression bomb: {exc}", where=where) from None
        except UnidentifiedImageError:
            raise NotAnImage("not an image Pillow can read (not an image, or an unsupported format "
                             "such as HEIC)", where=where) from None
        except Exception as exc:
            raise NotAnImage(f"corrupt image header: {type(exc).__name__}: {exc}", where=where) from None
        w, h = im.size
        fmt = im.format or "?"
        if w * h > config.max_pixels:
            raise ImageTooLarge(f"{fmt} image declares {w}x{h} = {w * h:,} pixels, over the limit of "
                                f"{config.max_pixels:,}: refused before decoding (decompression bomb "
                                "guard)", where=where)
        if min(w, h) < config.min_side:
            raise ImageTooSmall(f"{fmt} image of {w}x{h} pixels is too small to hold text", where=where)
        try:
            im.load()
        except Exception as exc:
            raise NotAnImage(f"truncated or corrupt {fmt} image data: {exc}", where=where) from None
        out: Any = im
        with contextlib.suppress(Exception):  # broken EXIF: keep the stored orientation
            out = ImageOps.exif_transpose(im) or im
        im = out
        if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
            rgba = im.convert("RGBA")
            flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            flat.alpha_composite(rgba)
            im = flat.convert("RGB")
        elif im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
    im.info["sentinelle_format"] = fmt
    return im


def image_phash(im: Any) -> str:
    """64-bit perceptual hash as 16 hex digits (`imagehash.phash`) of the image's content: uniform
    margins (the background colour of the border, give or take JPEG noise) are trimmed first, so a
    re-crop that only cuts background does not move the hash."""
    gray = im.convert("L")
    w, h = gray.size
    frame = [gray.getpixel((x, y)) for x in range(0, w, max(1, w // 64)) for y in (0, h - 1)]
    frame += [gray.getpixel((x, y)) for y in range(0, h, max(1, h // 64)) for x in (0, w - 1)]
    bg = sorted(frame)[len(frame) // 2]
    mask = ImageChops.difference(gray, Image.new("L", gray.size, bg)).point(lambda v: 255 if v > 40 else 0)
    box = mask.getbbox()
    if box and (box[2] - box[0]) * (box[3] - box[1]) >= 0.05 * w * h:
        gray = gray.crop(box)
    return str(imagehash.phash(gray))


def _median(gray: Any) -> int:
    hist = gray.histogram()
    half, acc = sum(hist) / 2, 0
    for value, n in enumerate(hist):
        acc += n
        if acc >= half:
            return value
    return 255


def _variants(gray: Any, config: OcrConfig) -> list[tuple[str, Any]]:
    """The preprocessed image(s) to read: one, or both polarities when the background is unclear."""
    med = _median(gray)
    normal = ImageOps.autocontrast(gray)  # no cutoff: text can be well under 1% of the pixels
    if med > config.light_above:
        return [("", normal)]
    inverted = ImageOps.invert(normal)
    if med < config.dark_below:
        return [(",invert", inverted)]
    return [("", normal), (",invert", inverted)]


def ocr_image(source: Source, config: OcrConfig = DEFAULT_CONFIG) -> Post:
    """OCR one image `Source` into a `Post` (text, word boxes, perceptual hash); OcrError if it cannot."""
    where = source.name
    try:
        path = _tesseract_path(config.tesseract_cmd)
        engine = _engine(path, config.lang)
    except OcrUnavailable as exc:
        raise OcrUnavailable(exc.reason, where=where) from None
    im = load_image(_read_bytes(source, config), where, config)
    width, height = im.size
    phash = image_phash(im)
    gray = im.convert("L")
    steps = "gray"
    scale = 1
    if width < config.upscale_below and width * height * 4 <= config.max_ocr_pixels:
        scale = 2
        gray = gray.resize((width * 2, height * 2), Image.Resampling.LANCZOS)
        steps += ",x2"
    steps += ",autocontrast"
    best: tuple[float, str, Any, list[Word]] | None = None
    for tag, img in _variants(gray, config):
        words = _run_tesseract(img, config, path, where)
        score = _score(words)
        if best is None or score > best[0]:
            best = (score, tag, img, words)
    assert best is not None
    score, tag, img, words = best
    if config.psm != SPARSE_PSM and (score < config.weak_score or _mean_conf(words) < config.weak_conf):
        # Little or nothing read: text on a photo, which automatic page segmentation takes for
        # a picture. Sparse-text segmentation finds the scattered lines.
        sparse = _run_tesseract(img, replace(config, psm=SPARSE_PSM), path, where)
        if _score(sparse) > score:
            words, tag = sparse, tag + ",sparse"
    text, spans = layout(words)
    boxes = [[s, e, round(w.left / scale), round(w.top / scale), round(w.width / scale),
              round(w.height / scale), round(w.conf)] for s, e, w in spans]
    meta = [
        ("ocr_engine", engine),
        ("ocr_conf", str(round(_mean_conf([w for _, _, w in spans])))),
        ("ocr_preprocess", steps + tag),  # e.g. "gray,x2,autocontrast,invert,sparse"
        ("ocr_boxes", json.dumps(boxes, separators=(",", ":"))),
        ("image_phash", phash),
        ("image_size", f"{width}x{height}"),
        ("image_format", str(im.info.get("sentinelle_format", "?"))),
    ]
    return source.post("ocr", text, platform=config.platform, meta=meta)


def ocr_hook(source: Source) -> Iterator[Post]:
    """The `read_path(..., ocr_hook=ocr_hook)` hook with the default configuration."""
    yield ocr_image(source)


def make_ocr_hook(config: OcrConfig) -> Any:
    """An `ocr_hook` with another configuration (languages, limits, timeout...)."""
    def hook(source: Source) -> Iterator[Post]:
        yield ocr_image(source, config)
    return hook


def boxes(post: Post) -> list[tuple[int, int, int, int, int, int, int]]:
    """The word boxes of an OCR'd post: (start, end, left, top, width, height, conf)."""
    raw = dict(post.meta).get("ocr_boxes", "[]")
    try:
        return [tuple(b) for b in json.loads(raw)]
    except (ValueError, TypeError):
        return []


def boxes_for_span(post: Post, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The image boxes (left, top, width, height) of the words that overlap text[start:end]: what
    to highlight on the image for a finding's evidence."""
    return [(b[2], b[3], b[4], b[5]) for b in boxes(post) if b[0] < end and b[1] > start]
