"""Decode the bytes of a text file: UTF-8 (BOM or not), UTF-16/32, GB18030/GBK/GB2312, Big5.

A byte-order mark decides first, then strict UTF-8 (the usual case, and cheap), then a charset
declared in an HTML head, then charset-normalizer restricted to the encodings Chinese reports
come in. Bytes that none of these read are refused: guessing would only produce mojibake.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# The encodings charset-normalizer may choose from (GB18030 is a superset of GBK and GB2312).
CANDIDATES = ("utf_8", "utf_16", "utf_32", "gb18030", "big5", "big5hkscs")
_DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
# Text may hold tabs, line and page breaks; a share of other control characters means binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_UTF8_MAX_SEQUENCE = 4
# charset-normalizer's default (0.2) rejects some real GB18030 reports (old ones full of 〇 and
# full-width punctuation measure about 0.12 on average but more in places); random bytes still fail.
_MAX_CHAOS = 0.5


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding; :class:`InputError` when it is not text."""
    text, encoding = _decode(data, path)
    if text and len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(path, "binary data, not text")
    return text, encoding


def _decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {encoding.upper()} after its byte-order mark "
                                 f"(byte {exc.start})") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - _UTF8_MAX_SEQUENCE:
            return data[: exc.start].decode("utf-8"), "utf-8 (truncated)"
    declared = _declared_charset(data)
    if declared:
        return declared
    return _detect(data, path)


def _declared_charset(data: bytes) -> tuple[str, str] | None:
    """The text by the charset an HTML page declares in its head, when that reads it cleanly."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    try:
        encoding = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _detect(data: bytes, path: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATES), threshold=_MAX_CHAOS).best()
    if best is None or best.encoding is None:
        raise InputError(path, "not text in a known encoding (UTF-8, UTF-16, GB18030/GBK/GB2312, Big5)")
    return str(best), best.encoding
