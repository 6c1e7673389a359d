"""The knowledge-base store: one transaction per article, idempotent upserts, SQLite or PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, delete, event, exists, func, insert, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .. import PIPELINE_VERSION
from ..document import (
    ENTITY_QUALIFIERS,
    SYMMETRIC_PREDICATES,
    DocExtraction,
    Document,
    Entity,
    Event,
    Fact,
    Quote,
    Value,
)
from ..errors import StoreError
from ..timing import Timings
from .names import TYPE_STRENGTH, compatible, is_proper_name, name_key, stronger_type
from .schema import (
    SCHEMA_VERSION,
    AliasRow,
    Base,
    DocumentRow,
    EntityRow,
    EventParticipantRow,
    EventRow,
    EvidenceRow,
    FactRow,
    MentionRow,
    QuoteRow,
    QuoteSketchRow,
    SchemaVersion,
)
from .text import minhash, same_words

# The weight of an article's type for an entity when a cue in the text decided it (1 when only the model did).
CERTAIN_VOTE = 3
# Quote groups compared in full with a new quote, at most.
MAX_QUOTE_CANDIDATES = 400
# Word-set F1 at or above which two quotes by one speaker are the same words.
QUOTE_GROUP_OVERLAP = 0.6


def database_url(db: str, readonly: bool = False) -> str:
    """A file path becomes an SQLite URL (opened read-only if asked); '://' marks an SQLAlchemy URL."""
    if "://" in db:
        return db
    path = Path(db).expanduser().resolve()
    if readonly:
        if not path.exists():
            raise StoreError(f"no knowledge base at {db}; run castline ingest first")
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_readonly(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


class Store:
    """Opens (and creates or upgrades) a knowledge base and writes whole articles into it."""

    def __init__(self, db: str, readonly: bool = False):
        self.url = database_url(db, readonly)
        try:
            connect_args = {"options": "-c default_transaction_read_only=on"} \
                if readonly and self.url.startswith("postgresql") else {}
            self.engine: Engine = create_engine(self.url, connect_args=connect_args)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_readonly if readonly else _sqlite_pragmas)
            if readonly:
                self._check_version()
            else:
                self._migrate()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the knowledge base at {db}: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]}") from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def _migrate(self) -> None:
        """Create the schema, or upgrade it step by step from the stored version."""
        with self.engine.begin() as conn:
            if not inspect(conn).has_table("schema_version"):
                Base.metadata.create_all(conn)
                conn.execute(SchemaVersion.__table__.insert().values(version=SCHEMA_VERSION))
                return
            version = conn.execute(select(func.max(SchemaVersion.version))).scalar() or 0
            if version > SCHEMA_VERSION:
                raise StoreError(f"the knowledge base has schema {version}, newer than this castline "
                                 f"({SCHEMA_VERSION}); upgrade castline")
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](conn)
                conn.execute(SchemaVersion.__table__.insert().values(version=step))

    def _check_version(self) -> None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("schema_version"):
                raise StoreError("not a castline knowledge base (no schema_version table)")
            version = conn.execute(select(func.max(SchemaVersion.version))).scalar()
        if version != SCHEMA_VERSION:
            raise StoreError(f"the knowledge base has schema {version}, this castline reads {SCHEMA_VERSION}; "
                             "run castline ingest once to upgrade it")

    def close(self) -> None:
        self.engine.dispose()

    # ---- writing -------------------------------------------------------------------------------

    def status(self, source: str, content_hash: str) -> str:
        """'new', 'unchanged' (same content, same pipeline) or 'changed' for an article source."""
        with self.sessions() as session:
            row = session.execute(select(DocumentRow.content_hash, DocumentRow.pipeline_version)
                                  .where(DocumentRow.source == source)).first()
        if row is None:
            return "new"
        return "unchanged" if tuple(row) == (content_hash, PIPELINE_VERSION) else "changed"

    def save(self, doc: Document, extraction: DocExtraction, timings: Timings | None = None) -> str:
        """Store one article and its extraction in one transaction; returns 'ingested' or 'updated'.

        `timings` gets the time spent merging the extraction into the knowledge base ("merge") apart
        from writing the article and committing ("store").
        """
        try:
            return self._save(doc, extraction, timings if timings is not None else Timings())
        except SQLAlchemyError as exc:
            raise StoreError(f"{doc.source}: not stored ({exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]})") from exc

    def _save(self, doc: Document, extraction: DocExtraction, clock: Timings) -> str:
        merging = Timings()
        with clock.stage("store"), self.sessions.begin() as session:
            old = session.scalar(select(DocumentRow).where(DocumentRow.source == doc.source))
            outcome = "ingested"
            if old is not None:
                _forget_document(session, old.id)
                session.delete(old)
                session.flush()
                outcome = "updated"
            row = DocumentRow(source=doc.source, url=doc.url, title=doc.title, outlet=doc.outlet,
                              author=doc.author, published=doc.published,
                              published_inferred=doc.published_inferred, text=doc.text,
                              removed=doc.removed, warnings=doc.warnings, content_hash=doc.content_hash,
                              dates={"clues": extraction.dates.clues, "pinned": extraction.dates.pinned,
                                     "spans": [list(span) for span in extraction.dates.spans]},
                              pipeline_version=PIPELINE_VERSION, ingested_at=datetime.now(UTC))
            session.add(row)
            session.flush()
            with merging.stage("merge"):
                _write_extraction(session, row, extraction)
        clock["store"] -= merging["merge"]
        clock.merge(merging)
        return outcome


def _forget_document(session: Session, document_id: int) -> None:
    """Withdraw everything one document contributed, then drop what nothing supports any more."""
    session.execute(delete(QuoteSketchRow).where(
        QuoteSketchRow.quote_id.in_(select(QuoteRow.id).where(QuoteRow.document_id == document_id))))
    for table in (MentionRow, AliasRow, EvidenceRow, QuoteRow):
        session.execute(delete(table).where(table.document_id == document_id))
    session.execute(delete(FactRow).where(~exists().where(EvidenceRow.fact_id == FactRow.id)))
    session.execute(delete(EventRow).where(~exists().where(EvidenceRow.event_id == EventRow.id)))
    session.execute(delete(EventParticipantRow).where(
        ~exists().where(EventRow.id == EventParticipantRow.event_id)))
    orphan = ~exists().where(MentionRow.entity_id == EntityRow.id)
    orphan_ids = select(EntityRow.id).where(orphan)
    session.execute(delete(FactRow).where(FactRow.subject_id.in_(orphan_ids) | FactRow.object_id.in_(orphan_ids)))
    session.execute(delete(EventParticipantRow).where(EventParticipantRow.entity_id.in_(orphan_ids)))
    session.execute(delete(EntityRow).where(orphan))


def _weak(row: EntityRow) -> bool:
    """Typed so far only by the language model's labels, never by a cue in an article."""
    return max((row.type_votes or {}).values(), default=0) < CERTAIN_VOTE


def _lookup_keys(entity: Entity) -> set[str]:
    """Name keys that may find an entity elsewhere: its name and its multi-word proper aliases."""
    names = [entity.name] + [a for a in entity.aliases if is_proper_name(a) and len(a.split()) > 1]
    return {name_key(n) for n in names} - {""}


def choose_entity(entity: Entity, candidates: list[EntityRow]) -> EntityRow | None:
    """Which stored entity, among those sharing a name key, a document's entity denotes.

    A compatible type merges; a single-word name merges only with exactly that name, so that
    "Vance" in one article is not merged with "Owen Vance" in another. Where one side was
    typed only by the language model, the same name merges whatever the types.
    """
    single = len(entity.name.split()) == 1
    for row in sorted(candidates, key=lambda r: (r.type != entity.type, not compatible(r.type, entity.type), r.id)):
        if single and name_key(row.name) != name_key(entity.name):
            continue
        if compatible(row.type, entity.type) or not entity.certain or _weak(row):
            return row
    return None


def _vote_type(row: EntityRow, kind: str, vote: int) -> None:
    """Add one article's type vote; the type with the most votes (the more specific on a tie) wins."""
    votes = dict(row.type_votes or {row.type: 1})
    votes[kind] = votes.get(kind, 0) + vote
    row.type_votes = votes
    best = max(votes.values())
    leaders = [t for t, v in votes.items() if v == best]
    row.type = row.type if row.type in leaders else max(leaders, key=lambda t: TYPE_STRENGTH.get(t, 0))
    if compatible(row.type, kind):
        row.type = stronger_type(row.type, kind)


def resolve_entities(session: Session, entities: list[Entity]) -> dict[str, int]:
    """Stored entity ids for a document's entities, created where none matches (one lookup for all)."""
    keys = {e.key: _lookup_keys(e) for e in entities}
    by_key: dict[str, list[EntityRow]] = {}
    wanted = set().union(*keys.values()) if keys else set()
    if wanted:
        # one alias row per article that used the name: ask for the distinct (entity, key) pairs only
        pairs = session.execute(select(AliasRow.entity_id, AliasRow.key).where(AliasRow.key.in_(wanted))
                                .distinct()).all()
        rows = {r.id: r for r in session.scalars(select(EntityRow).where(EntityRow.id.in_({e for e, _ in pairs})))}
        for entity_id, key in pairs:
            by_key.setdefault(key, []).append(rows[entity_id])
    chosen: dict[str, EntityRow] = {}
    for entity in entities:
        candidates = list({id(r): r for k in keys[entity.key] for r in by_key.get(k, [])}.values())
        vote = CERTAIN_VOTE if entity.certain else 1
        row = choose_entity(entity, candidates)
        if row is None:
            row = EntityRow(name=entity.name, type=entity.type, type_votes={entity.type: vote})
            session.add(row)
            for key in keys[entity.key]:  # later entities of this document may name it too
                by_key.setdefault(key, []).append(row)
        else:
            _vote_type(row, entity.type, vote)
        chosen[entity.key] = row
    session.flush()
    return {key: row.id for key, row in chosen.items()}


def _write_extraction(session: Session, doc: DocumentRow, extraction: DocExtraction) -> None:
    """Merge one document's extraction into the knowledge base with a handful of batched statements."""
    with session.no_autoflush:
        ids = resolve_entities(session, extraction.entities)
    aliases, mentions, seen = [], [], set()
    for entity in extraction.entities:
        entity_id = ids[entity.key]
        for alias in [entity.name, *entity.aliases]:
            key = name_key(alias) if is_proper_name(alias) else "~" + alias.lower()
            if key and (entity_id, key) not in seen:
                seen.add((entity_id, key))
                aliases.append({"entity_id": entity_id, "document_id": doc.id, "alias": alias, "key": key})
        mentions += [{"entity_id": entity_id, "document_id": doc.id, "start": m.start, "end": m.end}
                     for m in entity.mentions]
    _insert(session, AliasRow, aliases)
    _insert(session, MentionRow, mentions)
    with session.no_autoflush:
        evidence = _write_facts(session, doc, extraction.facts, ids)
        evidence += _write_events(session, doc, extraction.events, ids)
        _insert(session, EvidenceRow, evidence)
        _write_quotes(session, doc.id, extraction.quotes, ids)


def _fact_row(fact: Fact, ids: dict[str, int]) -> FactRow:
    """A fact as a row (not yet stored): entity references as ids, symmetric pairs in one order, a unique key."""
    subject = ids[fact.subject]
    obj_id = None if isinstance(fact.object, Value) else ids[fact.object]
    obj_value = json.dumps(fact.object.value) if isinstance(fact.object, Value) else None
    if fact.predicate in SYMMETRIC_PREDICATES and obj_id is not None and obj_id < subject:
        subject, obj_id = obj_id, subject
    qualifiers = {k: (ids[v] if k in ENTITY_QUALIFIERS and v in ids else v) for k, v in fact.qualifiers.items()}
    key = f"{subject}|{fact.predicate}|{obj_id if obj_id is not None else '=' + str(obj_value)}"
    if fact.predicate == "age":
        key += f"|{qualifiers.get('as_of', '')}"
    return FactRow(subject_id=subject, predicate=fact.predicate, object_id=obj_id, object_value=obj_value,
                   qualifiers=qualifiers, key=key)


def _write_facts(session: Session, doc: DocumentRow, facts: list[Fact], ids: dict[str, int]) -> list[dict]:
    """Upsert facts (one lookup for all) and return their evidence rows for this document."""
    new_rows = [_fact_row(fact, ids) for fact in facts]
    stored = {r.key: r for r in session.scalars(select(FactRow).where(FactRow.key.in_({r.key for r in new_rows})))} \
        if new_rows else {}
    for row in new_rows:
        existing = stored.get(row.key)
        if existing is None:
            stored[row.key] = row
            session.add(row)
        elif any(k not in existing.qualifiers for k in row.qualifiers):
            existing.qualifiers = row.qualifiers | existing.qualifiers
    session.flush()
    return [{"fact_id": stored[row.key].id, "document_id": doc.id, "start": fact.evidence.start,
             "end": fact.evidence.end, "text": doc.text[fact.evidence.start:fact.evidence.end],
             "qualifiers": row.qualifiers or None}
            for fact, row in zip(facts, new_rows, strict=True)]


def _write_events(session: Session, doc: DocumentRow, events: list[Event], ids: dict[str, int]) -> list[dict]:
    """Upsert events — one per type, date and subject, however many articles tell it — with their evidence."""
    keyed = []
    for ev in events:
        participants = list(dict.fromkeys(ids[p] for p in ev.participants if p in ids))
        keyed.append((ev, f"{ev.type}|{ev.date}|{participants[0] if participants else ''}", participants))
    rows = {r.key: r for r in session.scalars(select(EventRow).where(EventRow.key.in_({k for _, k, _ in keyed})))} \
        if keyed else {}
    for ev, key, _ in keyed:
        if key not in rows:
            rows[key] = EventRow(type=ev.type, date=ev.date, summary=ev.summary, key=key)
            session.add(rows[key])
    session.flush()
    event_ids = {rows[key].id for _, key, _ in keyed}
    known = set(session.execute(select(EventParticipantRow.event_id, EventParticipantRow.entity_id)
                                .where(EventParticipantRow.event_id.in_(event_ids))).all()) if event_ids else set()
    new = {(rows[key].id, p) for _, key, participants in keyed for p in participants} - known
    _insert(session, EventParticipantRow, [{"event_id": e, "entity_id": p} for e, p in sorted(new)])
    return [{"event_id": rows[key].id, "document_id": doc.id, "start": ev.evidence.start, "end": ev.evidence.end,
             "text": doc.text[ev.evidence.start:ev.evidence.end]} for ev, key, _ in keyed]


def _insert(session: Session, table: type, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(table), rows)


def _write_quotes(session: Session, document_id: int, quotes: list[Quote], ids: dict[str, int]) -> None:
    """Store quotes, each in the group of the same words by the same speaker in another document.

    Candidates come from one indexed lookup of MinHash sketches, then the word overlap decides.
    """
    rows = [QuoteRow(document_id=document_id, start=q.span.start, end=q.span.end, text=q.text, kind=q.kind,
                     speaker_id=ids.get(q.speaker) if q.speaker else None,
                     outlet_id=ids.get(q.outlet) if q.outlet else None, date=q.date, cue=q.cue) for q in quotes]
    session.add_all(rows)
    session.flush()
    sketches = {row.id: minhash(row.text) for row in rows if row.speaker_id is not None}
    values = {v for sketch in sketches.values() for v in sketch}
    speakers = {row.speaker_id for row in rows if row.speaker_id is not None}
    candidates: dict[tuple[int, int], list[tuple[str, int]]] = {}
    if values:
        # groups sharing a sketch value, then one text per group (its first quote's) to compare with
        hits = session.execute(
            select(QuoteSketchRow.speaker_id, QuoteSketchRow.value, QuoteRow.group_id)
            .join(QuoteRow, QuoteRow.id == QuoteSketchRow.quote_id)
            .where(QuoteSketchRow.speaker_id.in_(speakers), QuoteSketchRow.value.in_(values),
                   QuoteRow.document_id != document_id)
            .distinct().limit(MAX_QUOTE_CANDIDATES)).all()
        texts = dict(session.execute(select(QuoteRow.id, QuoteRow.text)
                                     .where(QuoteRow.id.in_({group for _, _, group in hits}))).all()) if hits else {}
        for speaker, value, group in hits:
            candidates.setdefault((speaker, value), []).append((texts.get(group, ""), group))
    for row in rows:
        row.group_id = row.id
        for value in sketches.get(row.id, []):
            match = next((group for words, group in candidates.get((row.speaker_id, value), [])
                          if same_words(words, row.text) >= QUOTE_GROUP_OVERLAP), None)
            if match is not None:
                row.group_id = match
                break
    _insert(session, QuoteSketchRow, [
        {"quote_id": row.id, "slot": slot, "speaker_id": row.speaker_id, "value": value}
        for row in rows if row.id in sketches for slot, value in enumerate(sketches[row.id])])


def _add_evidence_qualifiers(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE evidence ADD COLUMN qualifiers JSON"))


def _add_type_votes(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE entities ADD COLUMN type_votes JSON"))


def _add_quote_sketches(conn: Connection) -> None:
    QuoteSketchRow.__table__.create(conn)
    for quote_id, speaker_id, words in conn.execute(
            select(QuoteRow.id, QuoteRow.speaker_id, QuoteRow.text).where(QuoteRow.speaker_id.is_not(None))):
        conn.execute(insert(QuoteSketchRow), [{"quote_id": quote_id, "slot": slot, "speaker_id": speaker_id,
                                               "value": value} for slot, value in enumerate(minhash(words))])


def _add_document_dates(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE documents ADD COLUMN dates JSON"))


# Upgrade steps by target version: MIGRATIONS[n](connection) brings schema n-1 to n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _add_evidence_qualifiers, 3: _add_type_votes,
                                                       4: _add_quote_sketches, 5: _add_document_dates}


