"""Bytes to text: a byte-order mark first, then UTF-8 (kept when nearly all of it is UTF-8), then charset
detection; binary input is refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

# Share of control characters above which bytes are taken for a binary file.
BINARY_CONTROL_SHARE = 0.05
# Byte-order marks, longest first (UTF-32's little-endian mark begins with UTF-16's).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# UTF-8 text with a few stray bytes is still UTF-8 (the strays become U+FFFD) when its well-formed non-ASCII
# characters outnumber the stray bytes this many times; a text in another encoding has almost none.
UTF8_MAJORITY = 4
_STRAY = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as surrogateescape spells them
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def looks_binary(data: bytes | str) -> bool:
    sample = data[:8192]
    codes = sample if isinstance(sample, bytes) else [ord(c) for c in sample]
    if 0 in codes:
        return True
    control = sum(1 for b in codes if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(sample) and control / len(sample) > BINARY_CONTROL_SHARE


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode article bytes, naming the input in the error when they are not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, "replace")
            if not text.strip():
                raise InputError(source, "empty input")
            if looks_binary(text):
                raise InputError(source, "binary content, not text or HTML")
            return text
    if not data.strip():
        raise InputError(source, "empty input")
    if looks_binary(data):
        raise InputError(source, "binary content, not text or HTML")
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("utf-8", "surrogateescape")
    strays = len(_STRAY.findall(text))
    if not strays or len(_NON_ASCII.findall(text)) >= UTF8_MAJORITY * strays:
        return _STRAY.sub("\ufffd", text)
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot detect the text encoding")
    return str(best)
