"""Article text cut into segments by extracted spans, so pages can highlight without trusting any HTML."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Layer:
    start: int
    end: int
    kind: str  # mention, quote, fact, event, date
    label: str = ""
    entity: int | None = None


@dataclass
class Segment:
    start: int
    end: int
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    entity: int | None = None


def segments(text: str, layers: list[Layer]) -> list[Segment]:
    """Split the text at every span boundary; each piece knows the spans covering it.

    The pieces are plain text: the template escapes them, so article text is
    never rendered as HTML whatever it contains. One sweep over the spans, keeping those open, so that an article
    with thousands of them costs in proportion.
    """
    cuts = sorted({0, len(text), *(max(0, min(len(text), x)) for layer in layers for x in (layer.start, layer.end))})
    starts = sorted(layers, key=lambda layer: layer.start)
    out: list[Segment] = []
    covering: list[Layer] = []
    opened = 0
    for start, end in zip(cuts, cuts[1:], strict=False):
        while opened < len(starts) and starts[opened].start <= start:
            covering.append(starts[opened])
            opened += 1
        covering = [layer for layer in covering if layer.end >= end]
        mention = min((layer for layer in covering if layer.entity is not None),
                      key=lambda layer: layer.end - layer.start, default=None)
        out.append(Segment(start, end, text[start:end], sorted({layer.kind for layer in covering}),
                           [layer.label for layer in covering if layer.label],
                           mention.entity if mention else None))
    return out
