"""Bounded-memory reading: decoded text in chunks or lines, and an incremental JSON reader.

`TextStream` decodes bytes incrementally (any codec) and serves chunks or lines; a line longer
than the limit is drained without being kept. `JsonReader` walks a JSON document held in a
sliding buffer: containers are entered key by key or item by item, and only the values the
caller asks for are decoded whole (`json.JSONDecoder.raw_decode`), so a 2 GB Telegram export
is read one message at a time. Errors carry the line, column and character offset.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any

from .base import ByteStream


class TextStream:
    """Decoded text of a byte stream, read incrementally."""

    def __init__(self, fh: ByteStream, encoding: str, chunk_chars: int = 1 << 16) -> None:
        self.fh = fh
        self.encoding = encoding
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self.chunk_bytes = max(1024, chunk_chars)
        self.replaced = 0  # U+FFFD produced by invalid input (utf-8 only, approximate)
        self.first = True

    def chunks(self) -> Iterator[str]:
        while True:
            raw = self.fh.read(self.chunk_bytes)
            text = self.decoder.decode(raw, final=not raw)
            if text:
                if self.first:
                    text = text.removeprefix("\ufeff")
                    self.first = False
                if "\ufffd" in text and self.encoding.startswith("utf"):
                    self.replaced += text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
                yield text
            if not raw:
                return

    def lines(self, max_chars: int) -> Iterator[tuple[int, str, int]]:
        """(line number, line without its end, 0) or (n, excerpt, full length) for a too-long line."""
        buf = ""
        n = 0
        dropping = 0  # > 0 while draining a too-long line: its length so far
        head = ""
        for chunk in self.chunks():
            buf += chunk
            start = 0
            while True:
                nl = buf.find("\n", start)
                if nl < 0:
                    break
                n += 1
                if dropping:
                    yield n, head, dropping + nl - start
                    dropping = 0
                elif nl - start > max_chars:
                    yield n, buf[start:start + 300], nl - start
                else:
                    yield n, buf[start:nl].removesuffix("\r"), 0
                start = nl + 1
            buf = buf[start:]
            if len(buf) > max_chars:
                if not dropping:
                    head = buf[:300]
                dropping += len(buf)
                buf = ""
        if dropping:
            yield n + 1, head, dropping + len(buf)
        elif buf:
            yield n + 1, buf.removesuffix("\r"), 0


class JsonStreamError(ValueError):
    def __init__(self, message: str, line: int, column: int, offset: int) -> None:
        self.line, self.column, self.offset = line, column, offset
        super().__init__(f"{message} at line {line}, column {column} (character {offset})")


_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonReader:
    """Pull-style reader over a JSON text given in chunks.

    `members()` enters an object and yields its keys; `items()` enters an array and yields once per
    item; after each yield the caller must consume the value with `value()`, `skip()` or another
    `keys()`/`items()`. `peek()` tells what comes next ('{', '[', '"', ... or '' at the end).
    """

    def __init__(self, chunks: Iterator[str], max_value_chars: int = 32 << 20, text: str = "") -> None:
        self.chunks = chunks
        self.buf = text
        self.pos = 0
        self.eof = False
        self.base = 0  # characters dropped before buf
        self.lines_before = 0  # newlines in the dropped characters
        self.max_value = max_value_chars

    # -- buffer ---------------------------------------------------------------------------

    def _fill(self, want: int = 1) -> bool:
        """Append at least `want` more characters if possible; False at the end of input."""
        if self.eof:
            return False
        if self.pos > (1 << 16) and self.pos > len(self.buf) // 2:
            dropped = self.buf[:self.pos]
            self.lines_before += dropped.count("\n")
            self.base += self.pos
            self.buf = self.buf[self.pos:]
            self.pos = 0
        got = 0
        parts = [self.buf]
        while got < want:
            try:
                chunk = next(self.chunks)
            except StopIteration:
                self.eof = True
                break
            parts.append(chunk)
            got += len(chunk)
        self.buf = "".join(parts)
        return got > 0

    def error(self, message: str, pos: int | None = None) -> JsonStreamError:
        p = self.pos if pos is None else pos
        line = self.lines_before + self.buf.count("\n", 0, p) + 1
        nl = self.buf.rfind("\n", 0, p)
        col = p - nl if nl >= 0 else p + 1  # approximate on the first line of a compacted buffer
        return JsonStreamError(message, line, col, self.base + p)

    def peek(self) -> str:
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    @property
    def offset(self) -> int:
        return self.base + self.pos

    def _expect(self, ch: str) -> None:
        c = self.peek()
        if c != ch:
            raise self.error(f"expected '{ch}', found {_show(c)}")
        self.pos += 1

    # -- structure ------------------------------------------------------------------------

    def members(self) -> Iterator[str]:
        self._expect("{")
        first = True
        while True:
            c = self.peek()
            if c == "}":
                self.pos += 1
                return
            if not first:
                if c != ",":
                    raise self.error(f"expected ',' or '}}' in object, found {_show(c)}")
                self.pos += 1
                c = self.peek()
            first = False
            if c != '"':
                raise self.error(f"expected a key, found {_show(c)}")
            key = self.value()
            self._expect(":")
            yield key

    def items(self) -> Iterator[int]:
        self._expect("[")
        i = 0
        while True:
            c = self.peek()
            if c == "]":
                self.pos += 1
                return
            if i:
                if c != ",":
                    raise self.error(f"expected ',' or ']' in array, found {_show(c)}")
                self.pos += 1
            yield i
            i += 1

    def value(self) -> Any:
        """Decode the next value whole (bounded by max_value_chars)."""
        if not self.peek():
            raise self.error("unexpected end of file")
        want = 1 << 16
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                near_end = len(self.buf) - exc.pos < 32 or exc.msg.startswith("Unterminated string")
                if not near_end or self.eof:
                    raise self.error(exc.msg if not self.eof else f"unexpected end of file ({exc.msg})",
                                     exc.pos) from None
                if len(self.buf) - self.pos > self.max_value:
                    raise self.error(f"value larger than {self.max_value} characters") from None
                self._fill(want)
                want = min(want * 2, self.max_value)
                continue
            if end >= len(self.buf) and not self.eof and self._fill():
                continue  # a number may go on in the next chunk
            self.pos = end
            return obj

    def skip(self) -> None:
        """Consume the next value without keeping big containers in memory."""
        c = self.peek()
        if c == "{":
            for _ in self.members():
                self.skip()
        elif c == "[":
            for _ in self.items():
                self.skip()
        else:
            self.value()


def _show(c: str) -> str:
    return "end of file" if not c else repr(c)
