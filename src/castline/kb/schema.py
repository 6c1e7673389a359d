"""SQLAlchemy tables of the knowledge base; the same schema runs on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)
# What PostgreSQL refuses in text and SQLite takes: NUL, and lone surrogates (no UTF-8 for them). Each becomes
# U+FFFD, one character for one, so that spans into an article's text keep their offsets.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

SCHEMA_VERSION = 11


def storable(value: str, length: int | None) -> str:
    """`value` as both databases store it alike: unstorable characters replaced, and cut to the column's length
    (a value cut keeps a digest of the whole, so two long values that share a beginning stay apart)."""
    value = UNSTORABLE.sub("\ufffd", value)
    if length is not None and len(value) > length:
        digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]
        log.warning("a value of %d characters was cut to the column's %d", len(value), length)
        value = f"{value[:length - 14]}…#{digest}"
    return value


class Str(TypeDecorator):
    """String or Text that stores (and looks up) every value as `storable` makes it, on SQLite as on PostgreSQL,
    where NUL or an over-long value would otherwise raise a DataError."""

    impl = String
    cache_ok = True

    def __init__(self, length: int | None = None):
        super().__init__(length)
        self.length = length
        self.impl = String(length) if length else Text()

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return storable(value, self.length) if isinstance(value, str) else value


URL_LENGTH, OUTLET_LENGTH, AUTHOR_LENGTH = 2048, 200, 500


class Base(DeclarativeBase):
    pass


class SchemaVersion(Base):
    __tablename__ = "schema_version"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Str(2048), unique=True)
    url: Mapped[str | None] = mapped_column(Str(URL_LENGTH))
    title: Mapped[str | None] = mapped_column(Str())
    outlet: Mapped[str | None] = mapped_column(Str(OUTLET_LENGTH))
    author: Mapped[str | None] = mapped_column(Str(AUTHOR_LENGTH))
    published: Mapped[str | None] = mapped_column(Str(10), index=True)
    published_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Str())
    removed: Mapped[list] = mapped_column(JSON, default=list)
    # the id of the cleaning rule that removed each line of `removed` (clean.py), for the user to see why
    removed_rules: Mapped[list | None] = mapped_column(JSON, nullable=True)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    # how the publication date was decided ("clues") and every date expression ("spans": start, end, value)
    dates: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    content_hash: Mapped[str] = mapped_column(Str(64), index=True)
    pipeline_version: Mapped[str] = mapped_column(Str(20))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    # when castline first stored this source's words: kept when the article is only extracted again (same content),
    # so that `castline changes` reports what is new in the news, not what a re-extraction rewrote
    first_seen: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)


class EntityRow(Base):
    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Str(500))
    type: Mapped[str] = mapped_column(Str(20), index=True)
    # the articles' summed type probabilities: {"show": 2.6, "place": 0.4}; `type` is the strongest
    type_votes: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    # why: the cues behind the type, with how many articles gave each
    reasons: Mapped[list | None] = mapped_column(JSON, nullable=True)
    # kept up to date by every write that touches the entity (store.py `_refresh_entities`), so that lists and pages
    # never count its mentions (schema 11)
    mention_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    document_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)


class DocEntityRow(Base):
    """An entity as one article names and types it; the knowledge base's entity is a cluster of these."""

    __tablename__ = "doc_entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    local_key: Mapped[str] = mapped_column(Str(20))
    name: Mapped[str] = mapped_column(Str(500))
    type: Mapped[str] = mapped_column(Str(20))
    scores: Mapped[dict] = mapped_column(JSON, default=dict)  # this article's vote on the type
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    node: Mapped[str] = mapped_column(Str(600), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)


class NameNodeRow(Base):
    """A name node (family and name key) and the entity whose cluster holds it."""

    __tablename__ = "name_nodes"
    node: Mapped[str] = mapped_column(Str(600), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)


class NodeLinkRow(Base):
    """An article's word that two name nodes are one entity (a name and its alias)."""

    __tablename__ = "node_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    node_a: Mapped[str] = mapped_column(Str(600), index=True)
    node_b: Mapped[str] = mapped_column(Str(600), index=True)


class AliasRow(Base):
    """A name an entity goes by, per article that used it (so a re-ingest can withdraw it)."""

    __tablename__ = "aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    doc_entity_id: Mapped[int] = mapped_column(ForeignKey("doc_entities.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Str(500))
    key: Mapped[str] = mapped_column(Str(500), index=True)  # normalized for lookup
    __table_args__ = (UniqueConstraint("doc_entity_id", "alias"),)


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    doc_entity_id: Mapped[int] = mapped_column(ForeignKey("doc_entities.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class FactRow(Base):
    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    predicate: Mapped[str] = mapped_column(Str(40), index=True)
    object_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    object_value: Mapped[str | None] = mapped_column(Str(200))  # JSON of a literal object
    qualifiers: Mapped[dict] = mapped_column(JSON, default=dict)
    key: Mapped[str] = mapped_column(Str(600), unique=True)
    # sentences stating the fact, and independent outlets (or bare articles) among them: kept up to date by every
    # write that touches the fact (store.py `_refresh_facts`), so that a page never counts its evidence (schema 11)
    sources_total: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    sources_independent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(Str(40))
    date: Mapped[str | None] = mapped_column(Str(10), index=True)
    summary: Mapped[str] = mapped_column(Str())
    key: Mapped[str] = mapped_column(Str(600), unique=True)


class EventParticipantRow(Base):
    __tablename__ = "event_participants"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)


class EvidenceRow(Base):
    """A sentence in a document that supports a fact or an event."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Str())
    # what this source says of the fact's details (seasons, air date …), to spot sources that disagree;
    # entity-valued details ("show") as the article's own entity (doc_entities id)
    qualifiers: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    # the article's own entities the fact or event is about, so that merges can re-derive what it links
    subject_local_id: Mapped[int | None] = mapped_column(ForeignKey("doc_entities.id", ondelete="CASCADE"),
                                                         index=True)
    object_local_id: Mapped[int | None] = mapped_column(ForeignKey("doc_entities.id", ondelete="CASCADE"),
                                                        index=True)
    participants_local: Mapped[list | None] = mapped_column(JSON, nullable=True)


class QuoteRow(Base):
    """One appearance of quoted or reported words in one document; `group_id` links repeats."""

    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Str())
    kind: Mapped[str] = mapped_column(Str(10))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), index=True)
    speaker_local_id: Mapped[int | None] = mapped_column(ForeignKey("doc_entities.id", ondelete="SET NULL"))
    outlet_local_id: Mapped[int | None] = mapped_column(ForeignKey("doc_entities.id", ondelete="SET NULL"))
    date: Mapped[str | None] = mapped_column(Str(10))
    cue: Mapped[str | None] = mapped_column(Str(40))
    group_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the id of the group's first known source
    # What the group lends a quote whose own article does not say it (kb/quotegroups.py), and from which article.
    lent_speaker_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    lent_outlet_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    lent_date: Mapped[str | None] = mapped_column(Str(10))
    lent_from_id: Mapped[int | None] = mapped_column(Integer)


class QuoteSketchRow(Base):
    """MinHash values of a quote's words: quotes sharing one are compared in full (speaker 0: none named)."""

    __tablename__ = "quote_sketches"
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_quote_sketches_lookup", "speaker_id", "value"),
                      Index("ix_quote_sketches_value", "value"))


class FeedRow(Base):
    """A source `castline watch` polls: its HTTP validators, for conditional GET, and how the last poll went."""

    __tablename__ = "feeds"
    source: Mapped[str] = mapped_column(Str(2048), primary_key=True)
    etag: Mapped[str | None] = mapped_column(Str(500), nullable=True)
    last_modified: Mapped[str | None] = mapped_column(Str(100), nullable=True)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    error: Mapped[str | None] = mapped_column(Str(), nullable=True)


class CastRow(Base):
    """One row of an editor's cast list (`castline cast import`): names extraction takes as known."""

    __tablename__ = "cast_lists"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Str(2048), index=True)  # the list's file, as its document's source
    line: Mapped[int] = mapped_column(Integer)
    show: Mapped[str] = mapped_column(Str(500))
    actor: Mapped[str | None] = mapped_column(Str(500), nullable=True)
    character: Mapped[str | None] = mapped_column(Str(500), nullable=True)
    network: Mapped[str | None] = mapped_column(Str(500), nullable=True)
    start: Mapped[str | None] = mapped_column(Str(10), nullable=True)
    end: Mapped[str | None] = mapped_column(Str(10), nullable=True)


class DecisionRow(Base):
    """An editor's decision (kb/review.py): confirm or reject a fact, merge or split entities, set a type.

    It names what it is about by name nodes, not ids (ids change when articles are re-ingested or re-extracted), so
    it is applied again whenever the knowledge base is rebuilt. `shown` is the id the editor used, `label` what it
    said then, `sources` the articles that stated a fact when it was decided (later ones are "contested").
    """

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Str(10), index=True)  # confirm, reject, merge, split, type
    made_by: Mapped[str] = mapped_column(Str(200))
    made_at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Str(), nullable=True)
    shown: Mapped[int | None] = mapped_column(Integer, nullable=True)
    label: Mapped[str] = mapped_column(Str())
    # fact decisions: subject and object nodes, predicate, literal value; merge: nodes and `into` nodes;
    # split: the node kept apart; type: the entity's nodes and the type
    target: Mapped[dict] = mapped_column(JSON)
    sources: Mapped[list | None] = mapped_column(JSON, nullable=True)


Index("ix_mentions_doc_entity", MentionRow.document_id, MentionRow.entity_id)
# A page's first few sources of a fact or event, in order, without reading the rest (schema 11).
Index("ix_evidence_fact_order", EvidenceRow.fact_id, EvidenceRow.document_id, EvidenceRow.start)
Index("ix_evidence_event_order", EvidenceRow.event_id, EvidenceRow.document_id, EvidenceRow.start)
Index("ix_doc_entities_entity_document", DocEntityRow.entity_id, DocEntityRow.document_id)
Index("ix_documents_outlet_published", DocumentRow.outlet, DocumentRow.published)  # an outlet's newest articles
Index("ix_aliases_entity_alias", AliasRow.entity_id, AliasRow.alias)  # an entity's names, off the index alone
