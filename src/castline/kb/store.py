"""The knowledge-base store: one transaction per article, idempotent upserts, SQLite or PostgreSQL."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Index, create_engine, delete, event, exists, func, insert, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .. import PIPELINE_VERSION
from ..document import (
    ENTITY_QUALIFIERS,
    SYMMETRIC_PREDICATES,
    DocExtraction,
    Document,
    Event,
    Fact,
    Quote,
    Value,
)
from ..errors import StoreError
from ..timing import Timings
from .known import apply_known, known_cast
from .names import is_proper_name, name_key
from .quotegroups import Lent, QuoteItem, group_quotes
from .resolve import article_scores, canonical_name, components, nodes, vote_type
from .rules import entity_rules
from .schema import (
    AUTHOR_LENGTH,
    OUTLET_LENGTH,
    SCHEMA_VERSION,
    URL_LENGTH,
    AliasRow,
    Base,
    CastRow,
    DecisionRow,
    DocEntityRow,
    DocumentRow,
    EntityRow,
    EventParticipantRow,
    EventRow,
    EvidenceRow,
    FactRow,
    FeedRow,
    MentionRow,
    NameNodeRow,
    NodeLinkRow,
    QuoteRow,
    QuoteSketchRow,
    SchemaVersion,
)
from .search import create_index
from .text import minhash, summary_of

# Quotes grouped again around a new article's quotes, at most (its quotes, those that may repeat their words,
# and the groups these are in).
MAX_QUOTE_CANDIDATES = 400


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


# Every writer takes this PostgreSQL advisory lock for its transaction (SQLite has its own write lock): creating or
# upgrading the schema and merging an article into the knowledge base each see all that came before.
WRITE_LOCK = 0x6361_7374_6C69_6E65 >> 1  # "castline", as a positive bigint
SQLITE_BUSY_MS = 120_000  # how long an SQLite writer waits for another to finish


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # castline begins its transactions itself (_sqlite_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_readonly(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """Every SQLite transaction begins for real, reads too, so that all its reads see one snapshot of the file
    (the driver alone lets each SELECT see whatever was committed last); a writer begins IMMEDIATE, taking the
    write lock first, so that what it read cannot go stale before it writes."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("castline_write") else "BEGIN")


class Store:
    """Opens (and creates or upgrades) a knowledge base and writes whole articles into it.

    `sessions` serve ordinary work; `reads` one consistent snapshot per session (a web request, an export), however
    many writers commit meanwhile; writers go through `_writes`, one at a time.
    """

    def __init__(self, db: str, readonly: bool = False):
        self.url = database_url(db, readonly)
        try:
            connect_args = {}
            if readonly and self.url.startswith("postgresql"):  # keeping the URL's own options (a search_path)
                given = make_url(self.url).query.get("options", "")
                connect_args["options"] = " ".join(filter(None, [given, "-c default_transaction_read_only=on"]))
            self.engine: Engine = create_engine(self.url, connect_args=connect_args)
            self.postgres = self.engine.dialect.name == "postgresql"
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_readonly if readonly else _sqlite_pragmas)
                event.listen(self.engine, "begin", _sqlite_begin)
            writer = self.engine.execution_options(castline_write=True)
            reader = self.engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True) \
                if self.postgres else self.engine
            if readonly:
                self._check_version()
            else:
                self._migrate(writer)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the knowledge base at {db}: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0]}") from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.reads = sessionmaker(reader, expire_on_commit=False)
        self._writes = sessionmaker(writer, expire_on_commit=False)

    def _lock(self, conn: Connection | Session) -> None:
        """Wait for the other writers (PostgreSQL; an SQLite writer waits at BEGIN IMMEDIATE)."""
        if self.postgres:
            conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))

    def _migrate(self, writer: Engine) -> None:
        """Create the schema, or upgrade it step by step from the stored version: one process at a time, so that
        processes starting together on an empty database do not all create it. A schema already current takes no
        lock, so that opening a knowledge base to read it never waits for a writer."""
        if self._version() == SCHEMA_VERSION:
            return
        with writer.begin() as conn:
            self._lock(conn)
            if not inspect(conn).has_table("schema_version"):
                Base.metadata.create_all(conn)
                create_index(conn)
                conn.execute(SchemaVersion.__table__.insert().values(version=SCHEMA_VERSION))
                return
            version = conn.execute(select(func.max(SchemaVersion.version))).scalar() or 0
            if version > SCHEMA_VERSION:
                raise StoreError(f"the knowledge base has schema {version}, newer than this castline "
                                 f"({SCHEMA_VERSION}); upgrade castline")
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](conn)
                conn.execute(SchemaVersion.__table__.insert().values(version=step))

    def _version(self) -> int | None:
        """The stored schema version; None when there is no schema."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("schema_version"):
                return None
            return conn.execute(select(func.max(SchemaVersion.version))).scalar()

    def _check_version(self) -> None:
        version = self._version()
        if version is None:
            raise StoreError("not a castline knowledge base (no schema_version table)")
        if version != SCHEMA_VERSION:
            raise StoreError(f"the knowledge base has schema {version}, this castline reads {SCHEMA_VERSION}; "
                             "run castline reextract once to upgrade it and extract its articles again")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction after every other writer's (editorial decisions take this path)."""
        try:
            with self._writes.begin() as session:
                self._lock(session)
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"not written ({exc.__class__.__name__}: {str(exc).splitlines()[0]})") from exc

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
        with clock.stage("store"), self._writes.begin() as session:
            self._lock(session)
            old = session.scalar(select(DocumentRow).where(DocumentRow.source == doc.source))
            outcome = "ingested"
            now = datetime.now(UTC)
            first_seen = now
            if old is not None:
                if old.content_hash == doc.content_hash and old.first_seen is not None:
                    first_seen = old.first_seen  # extracted again: the same news as before
                _forget_document(session, old.id)
                session.delete(old)
                session.flush()
                outcome = "updated"
            url, outlet, author, warnings = _fitted_metadata(doc)
            row = DocumentRow(source=doc.source, url=url, title=doc.title, outlet=outlet,
                              author=author, published=doc.published,
                              published_inferred=doc.published_inferred, text=doc.text,
                              removed=doc.removed, removed_rules=doc.removed_rules, warnings=warnings,
                              content_hash=doc.content_hash,
                              dates={"clues": extraction.dates.clues, "pinned": extraction.dates.pinned,
                                     "spans": [list(span) for span in extraction.dates.spans]},
                              pipeline_version=PIPELINE_VERSION, ingested_at=now, first_seen=first_seen)
            session.add(row)
            session.flush()
            with merging.stage("merge"):
                _write_extraction(session, row, apply_known(doc, extraction, known_cast(session)))
        clock["store"] -= merging["merge"]
        clock.merge(merging)
        return outcome


def _fitted_metadata(doc: Document) -> tuple[str | None, str | None, str | None, list[str]]:
    """The article's URL, outlet and author as their columns hold them, each with a warning when it had to give:
    an outlet or author too long is cut, a URL too long is dropped (cut, it would link somewhere else)."""
    warnings = list(doc.warnings)
    url = doc.url
    if url is not None and len(url) > URL_LENGTH:
        warnings.append(f"URL longer than {URL_LENGTH} characters not kept")
        url = None
    fitted = []
    for label, value, length in (("outlet", doc.outlet, OUTLET_LENGTH), ("author", doc.author, AUTHOR_LENGTH)):
        if value is not None and len(value) > length:
            warnings.append(f"{label} longer than {length} characters cut")
            value = value[:length - 1] + "…"
        fitted.append(value)
    return url, fitted[0], fitted[1], warnings


def _forget_document(session: Session, document_id: int) -> None:
    """Withdraw everything one article contributed; entities it alone held together come apart again."""
    touched = set(session.scalars(select(DocEntityRow.entity_id).where(DocEntityRow.document_id == document_id)))
    fact_ids = set(session.scalars(select(EvidenceRow.fact_id).where(EvidenceRow.document_id == document_id,
                                                                      EvidenceRow.fact_id.is_not(None))))
    event_ids = set(session.scalars(select(EvidenceRow.event_id).where(EvidenceRow.document_id == document_id,
                                                                        EvidenceRow.event_id.is_not(None))))
    groups = select(QuoteRow.group_id).where(QuoteRow.document_id == document_id)
    grouped = set(session.scalars(select(QuoteRow.id).where(QuoteRow.group_id.in_(groups),
                                                             QuoteRow.document_id != document_id)))
    session.execute(delete(QuoteSketchRow).where(
        QuoteSketchRow.quote_id.in_(select(QuoteRow.id).where(QuoteRow.document_id == document_id))))
    for table in (MentionRow, AliasRow, EvidenceRow, QuoteRow, NodeLinkRow, DocEntityRow):
        session.execute(delete(table).where(table.document_id == document_id))
    regroup_quotes(session, grouped)  # the groups it was in, without its quotes
    session.execute(delete(FactRow).where(FactRow.id.in_(fact_ids), ~exists().where(EvidenceRow.fact_id == FactRow.id)))
    session.execute(delete(EventParticipantRow).where(EventParticipantRow.event_id.in_(event_ids)))
    session.execute(delete(EventRow).where(EventRow.id.in_(event_ids),
                                           ~exists().where(EvidenceRow.event_id == EventRow.id)))
    _refresh_facts(session, fact_ids)
    _rekey_events(session, event_ids)
    moved = _split(session, touched)
    _repoint(session, moved)
    _refresh_entities(session, touched | {e for _, e in moved})
    orphans = select(EntityRow.id).where(~exists().where(DocEntityRow.entity_id == EntityRow.id))
    session.execute(delete(NameNodeRow).where(NameNodeRow.entity_id.in_(orphans)))
    session.execute(delete(EntityRow).where(EntityRow.id.in_(orphans)))


def _split(session: Session, entity_ids: set[int]) -> list[tuple[int, int]]:
    """Entities whose articles no longer link all their names become one entity per linked group.

    Returns (doc entity id, new entity id) for every article entity that moved.
    """
    moved: list[tuple[int, int]] = []
    rules = entity_rules(session)
    for entity_id in sorted(entity_ids):
        members = session.execute(select(DocEntityRow.id, DocEntityRow.node, DocEntityRow.document_id)
                                  .where(DocEntityRow.entity_id == entity_id)).all()
        held = set(session.scalars(select(NameNodeRow.node).where(NameNodeRow.entity_id == entity_id)))
        if not members:
            continue
        links = session.execute(select(NodeLinkRow.node_a, NodeLinkRow.node_b).where(
            NodeLinkRow.node_a.in_({m.node for m in members}),
            NodeLinkRow.document_id.in_({m.document_id for m in members}))).all()
        member_nodes = {m.node for m in members}
        links = [link for link in [*map(tuple, links), *rules.extra_edges(member_nodes)] if rules.allowed(link)]
        groups = components(links, member_nodes)
        kept = {n for g in groups for n in g}
        session.execute(delete(NameNodeRow).where(NameNodeRow.entity_id == entity_id,
                                                  NameNodeRow.node.in_(held - kept)))
        if len(groups) == 1:
            continue
        first = min(members, key=lambda m: m.id).node
        for group in groups:
            if first in group:
                continue
            row = EntityRow(name="", type="person")
            session.add(row)
            session.flush()
            session.execute(update(NameNodeRow).where(NameNodeRow.node.in_(group)).values(entity_id=row.id))
            ids = [m.id for m in members if m.node in group]
            session.execute(update(DocEntityRow).where(DocEntityRow.id.in_(ids)).values(entity_id=row.id))
            moved += [(i, row.id) for i in ids]
    return moved


def _merge(session: Session, survivor: int, absorbed: set[int]) -> list[tuple[int, int]]:
    """Fold entities into one; returns (doc entity id, survivor) for every article entity that moved."""
    ids = list(session.scalars(select(DocEntityRow.id).where(DocEntityRow.entity_id.in_(absorbed))))
    session.execute(update(NameNodeRow).where(NameNodeRow.entity_id.in_(absorbed)).values(entity_id=survivor))
    session.execute(update(DocEntityRow).where(DocEntityRow.id.in_(ids)).values(entity_id=survivor))
    return [(i, survivor) for i in ids]


def _repoint(session: Session, moved: list[tuple[int, int]]) -> None:
    """After a merge or a split, point everything the moved article entities said at their new entity."""
    if not moved:
        return
    local_ids = {local for local, _ in moved}
    owner = select(DocEntityRow.entity_id).where(DocEntityRow.id == MentionRow.doc_entity_id).scalar_subquery()
    session.execute(update(MentionRow).where(MentionRow.doc_entity_id.in_(local_ids)).values(entity_id=owner))
    owner = select(DocEntityRow.entity_id).where(DocEntityRow.id == AliasRow.doc_entity_id).scalar_subquery()
    session.execute(update(AliasRow).where(AliasRow.doc_entity_id.in_(local_ids)).values(entity_id=owner))
    for local, entity in moved:
        session.execute(update(QuoteRow).where(QuoteRow.speaker_local_id == local).values(speaker_id=entity))
        session.execute(update(QuoteRow).where(QuoteRow.outlet_local_id == local).values(outlet_id=entity))
        session.execute(update(QuoteSketchRow).where(QuoteSketchRow.quote_id.in_(
            select(QuoteRow.id).where(QuoteRow.speaker_local_id == local))).values(speaker_id=entity))
    regroup_quotes(session, set(session.scalars(select(QuoteRow.id).where(  # a speaker changed: so may the groups
        QuoteRow.speaker_local_id.in_(local_ids) | QuoteRow.outlet_local_id.in_(local_ids)))))
    fact_ids = set(session.scalars(select(EvidenceRow.fact_id).where(
        EvidenceRow.fact_id.is_not(None),
        EvidenceRow.subject_local_id.in_(local_ids) | EvidenceRow.object_local_id.in_(local_ids))))
    _rekey_facts(session, fact_ids)
    event_ids = set(session.scalars(select(EvidenceRow.event_id).where(EvidenceRow.event_id.is_not(None),
                                                                        EvidenceRow.document_id.in_(
        select(DocEntityRow.document_id).where(DocEntityRow.id.in_(local_ids))))))
    _rekey_events(session, event_ids)


def _refresh_entities(session: Session, entity_ids: set[int]) -> None:
    """Each entity's name, type and reasons, voted by all its articles (so independent of their order)."""
    members: defaultdict[int, list[tuple[str, str, str, dict, list]]] = defaultdict(list)
    documents: defaultdict[int, set[int]] = defaultdict(set)
    for entity_id, node, name, kind, scores, reasons, document_id in session.execute(
            select(DocEntityRow.entity_id, DocEntityRow.node, DocEntityRow.name, DocEntityRow.type,
                   DocEntityRow.scores, DocEntityRow.reasons, DocEntityRow.document_id)
            .where(DocEntityRow.entity_id.in_(entity_ids))):
        members[entity_id].append((node, name, kind, scores, reasons))
        documents[entity_id].add(document_id)
    mentions = dict(session.execute(select(MentionRow.entity_id, func.count()).where(
        MentionRow.entity_id.in_(members)).group_by(MentionRow.entity_id)).all()) if members else {}
    rules = entity_rules(session)
    held: defaultdict[int, set[str]] = defaultdict(set)
    if rules.types:
        for node, entity_id in session.execute(select(NameNodeRow.node, NameNodeRow.entity_id)
                                               .where(NameNodeRow.entity_id.in_(members))):
            held[entity_id].add(node)
    for row in session.scalars(select(EntityRow).where(EntityRow.id.in_(members))):
        found = members[row.id]
        row.mention_count, row.document_count = mentions.get(row.id, 0), len(documents[row.id])
        kind, votes = vote_type(scores for _, _, _, scores, _ in found)
        decided = rules.type_of(held[row.id] | {node for node, *_ in found})
        reasons = Counter(r for _, _, local_kind, _, rs in found if local_kind == kind for r in rs)
        row.name = canonical_name(name for _, name, *_ in found)
        row.type, row.type_votes = decided or kind, votes
        row.reasons = [[reason, n] for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))[:6]]
        if decided:
            row.reasons = [["editor/type", 1]] + row.reasons[:5]


def _fact_key(subject: int, predicate: str, obj: int | None, value: str | None, as_of: object) -> str:
    key = f"{subject}|{predicate}|{obj if obj is not None else '=' + str(value)}"
    return key + f"|{as_of or ''}" if predicate == "age" else key


def _rekey_facts(session: Session, fact_ids: set[int]) -> None:
    """Re-derive which entities the evidence of these facts links, moving evidence between facts as needed."""
    if not fact_ids:
        return
    facts = {f.id: f for f in session.scalars(select(FactRow).where(FactRow.id.in_(fact_ids)))}
    evidence = list(session.scalars(select(EvidenceRow).where(EvidenceRow.fact_id.in_(fact_ids))))
    owners = dict(session.execute(select(DocEntityRow.id, DocEntityRow.entity_id).where(DocEntityRow.id.in_(
        {e.subject_local_id for e in evidence} | {e.object_local_id for e in evidence if e.object_local_id}))).all())
    wanted: dict[int, str] = {}
    for ev in evidence:
        fact = facts[ev.fact_id]
        subject = owners[ev.subject_local_id]
        obj = owners[ev.object_local_id] if ev.object_local_id else None
        if fact.predicate in SYMMETRIC_PREDICATES and obj is not None and obj < subject:
            subject, obj = obj, subject
        wanted[ev.id] = _fact_key(subject, fact.predicate, obj, fact.object_value,
                                  (ev.qualifiers or {}).get("as_of"))
    stored = {r.key: r for r in session.scalars(select(FactRow).where(FactRow.key.in_(set(wanted.values()))))}
    touched: set[int] = set()
    for ev in evidence:
        key = wanted[ev.id]
        target = stored.get(key)
        if target is None:
            fact = facts[ev.fact_id]
            subject, predicate, obj = key.split("|")[:3]
            target = FactRow(subject_id=int(subject), predicate=predicate,
                             object_id=None if obj.startswith("=") else int(obj),
                             object_value=fact.object_value, qualifiers={}, key=key + "|new")
            session.add(target)
            session.flush()
            target.key = key
            stored[key] = target
        ev.fact_id = target.id
        touched.add(target.id)
    session.flush()
    emptied = set(facts) - touched
    session.execute(delete(FactRow).where(FactRow.id.in_(emptied), ~exists().where(EvidenceRow.fact_id == FactRow.id)))
    _refresh_facts(session, touched)


def _refresh_facts(session: Session, fact_ids: set[int]) -> None:
    """Each fact's details as most of its sources give them (the entity-valued ones as entities)."""
    if not fact_ids:
        return
    per_fact: defaultdict[int, list[dict]] = defaultdict(list)
    for fact_id, qualifiers in session.execute(select(EvidenceRow.fact_id, EvidenceRow.qualifiers)
                                               .where(EvidenceRow.fact_id.in_(fact_ids))):
        per_fact[fact_id].append(qualifiers or {})
    locals_ = {v for qs in per_fact.values() for q in qs for k, v in q.items() if k in ENTITY_QUALIFIERS}
    owners = dict(session.execute(select(DocEntityRow.id, DocEntityRow.entity_id)
                                  .where(DocEntityRow.id.in_(locals_))).all()) if locals_ else {}
    independent = func.count(func.distinct(func.coalesce(DocumentRow.outlet, DocumentRow.source)))
    counts = {fact_id: (total, outlets) for fact_id, total, outlets in session.execute(
        select(EvidenceRow.fact_id, func.count(EvidenceRow.id), independent)
        .join(DocumentRow, DocumentRow.id == EvidenceRow.document_id)
        .where(EvidenceRow.fact_id.in_(per_fact)).group_by(EvidenceRow.fact_id))}
    for row in session.scalars(select(FactRow).where(FactRow.id.in_(per_fact))):
        row.sources_total, row.sources_independent = counts.get(row.id, (0, 0))
        values: defaultdict[str, Counter] = defaultdict(Counter)
        for qualifiers in per_fact[row.id]:
            for key, value in qualifiers.items():
                value = owners.get(value) if key in ENTITY_QUALIFIERS else value
                if value is not None:
                    values[key][json.dumps(value, sort_keys=True)] += 1
        row.qualifiers = {k: json.loads(min(c, key=lambda v: (-c[v], v))) for k, c in sorted(values.items())}


def _rekey_events(session: Session, event_ids: set[int]) -> None:
    """Re-derive each event's key (type, date, first participant), participants and summary from its evidence."""
    if not event_ids:
        return
    events = {e.id: e for e in session.scalars(select(EventRow).where(EventRow.id.in_(event_ids)))}
    evidence = list(session.scalars(select(EvidenceRow).where(EvidenceRow.event_id.in_(events))))
    local_ids = {i for ev in evidence for i in (ev.participants_local or [])}
    owners = dict(session.execute(select(DocEntityRow.id, DocEntityRow.entity_id)
                                  .where(DocEntityRow.id.in_(local_ids))).all()) if local_ids else {}
    wanted: dict[int, str] = {}
    for ev in evidence:
        event = events[ev.event_id]
        first = owners.get(ev.subject_local_id, "") if ev.subject_local_id else ""
        wanted[ev.id] = f"{event.type}|{event.date}|{first}"
    stored = {r.key: r for r in session.scalars(select(EventRow).where(EventRow.key.in_(set(wanted.values()))))}
    touched: dict[int, list[EvidenceRow]] = defaultdict(list)
    for ev in evidence:
        key = wanted[ev.id]
        target = stored.get(key)
        if target is None:
            event = events[ev.event_id]
            target = EventRow(type=event.type, date=event.date, summary=event.summary, key=key)
            session.add(target)
            session.flush()
            stored[key] = target
        ev.event_id = target.id
        touched[target.id].append(ev)
    session.flush()
    all_ids = set(events) | set(touched)
    session.execute(delete(EventParticipantRow).where(EventParticipantRow.event_id.in_(all_ids)))
    session.execute(delete(EventRow).where(EventRow.id.in_(set(events) - set(touched))))
    sources = dict(session.execute(select(DocumentRow.id, DocumentRow.source).where(
        DocumentRow.id.in_({ev.document_id for ev in evidence}))).all())
    rows = []
    for event_id, evs in touched.items():
        participants = {owners[i] for ev in evs for i in (ev.participants_local or []) if i in owners}
        rows += [{"event_id": event_id, "entity_id": p} for p in sorted(participants)]
        first = min(evs, key=lambda ev: (sources.get(ev.document_id, ""), ev.start))
        session.get(EventRow, event_id).summary = summary_of(first.text)
    _insert(session, EventParticipantRow, rows)


def _main_show(extraction: DocExtraction) -> str:
    """The name key of the show an article names most: the context single-word names of people live in."""
    shows = [e for e in extraction.entities if e.type == "show"]
    if not shows:
        return ""
    return name_key(max(shows, key=lambda e: (len(e.mentions), -min(m.start for m in e.mentions))).name)


def resolve_entities(session: Session, document_id: int, extraction: DocExtraction) -> dict[str, DocEntityRow]:
    """The article's entities as doc entity rows, each in the cluster its names lead to (merging clusters
    the article shows to be one)."""
    context = _main_show(extraction)
    rules = entity_rules(session)
    planned = []
    for entity in extraction.entities:
        own, linked = nodes(entity, context)
        planned.append((entity, own, rules.links(own, linked)))
    wanted = {n for _, own, linked in planned for n in (own, *linked)}
    owner = dict(session.execute(select(NameNodeRow.node, NameNodeRow.entity_id)
                                 .where(NameNodeRow.node.in_(wanted))).all()) if wanted else {}
    known = set(owner)
    moved: list[tuple[int, int]] = []
    gone: set[int] = set()
    rows: dict[str, DocEntityRow] = {}
    for entity, own, linked in planned:
        found = {owner[n] for n in (own, *linked) if n in owner}
        if not found:
            row = EntityRow(name=entity.name, type=entity.type)
            session.add(row)
            session.flush()
            target = row.id
        else:
            target = min(found)
            if len(found) > 1:
                absorbed = found - {target}
                gone |= absorbed
                moved += _merge(session, target, absorbed)
                owner = {n: (target if e in absorbed else e) for n, e in owner.items()}
                for row in rows.values():
                    if row.entity_id in absorbed:
                        row.entity_id = target
        for node in (own, *linked):
            owner[node] = target
        rows[entity.key] = DocEntityRow(document_id=document_id, local_key=entity.key, name=entity.name,
                                        type=entity.type, scores=article_scores(entity), reasons=entity.reasons,
                                        node=own, entity_id=target)
    _insert(session, NameNodeRow, [{"node": n, "entity_id": e} for n, e in sorted(owner.items()) if n not in known])
    session.add_all(rows.values())
    _insert(session, NodeLinkRow, [{"document_id": document_id, "node_a": own, "node_b": n}
                                   for _, own, linked in planned for n in sorted(linked)])
    session.flush()
    _repoint(session, moved)
    session.execute(delete(EntityRow).where(EntityRow.id.in_(gone)))
    return rows


def _write_extraction(session: Session, doc: DocumentRow, extraction: DocExtraction) -> None:
    """Merge one document's extraction into the knowledge base with a handful of batched statements."""
    with session.no_autoflush:
        local = resolve_entities(session, doc.id, extraction)
    aliases, mentions = [], []
    for entity in extraction.entities:
        row = local[entity.key]
        for alias in dict.fromkeys([entity.name, *entity.aliases]):
            key = name_key(alias) if is_proper_name(alias) else "~" + alias.lower()
            if key:
                aliases.append({"entity_id": row.entity_id, "document_id": doc.id, "doc_entity_id": row.id,
                                "alias": alias, "key": key})
        mentions += [{"entity_id": row.entity_id, "document_id": doc.id, "doc_entity_id": row.id, "start": m.start,
                      "end": m.end} for m in entity.mentions]
    _insert(session, AliasRow, aliases)
    _insert(session, MentionRow, mentions)
    with session.no_autoflush:
        evidence = _write_facts(session, doc, extraction.facts, local)
        evidence += _write_events(session, doc, extraction.events, local)
        _insert(session, EvidenceRow, evidence)
        _refresh_facts(session, {e["fact_id"] for e in evidence if e.get("fact_id")})
        _rekey_events(session, {e["event_id"] for e in evidence if e.get("event_id")})
        _write_quotes(session, doc.id, extraction.quotes, local)
    _refresh_entities(session, {row.entity_id for row in local.values()})


def _write_facts(session: Session, doc: DocumentRow, facts: list[Fact], local: dict[str, DocEntityRow]
                 ) -> list[dict]:
    """Upsert facts (one lookup for all) and return their evidence rows for this document."""
    keyed = []
    for fact in facts:
        subject = local[fact.subject]
        obj = None if isinstance(fact.object, Value) else local[fact.object]
        value = json.dumps(fact.object.value) if isinstance(fact.object, Value) else None
        first, second = subject.entity_id, obj.entity_id if obj else None
        if fact.predicate in SYMMETRIC_PREDICATES and second is not None and second < first:
            first, second = second, first
        keyed.append((fact, subject, obj, value, _fact_key(first, fact.predicate, second, value,
                                                             fact.qualifiers.get("as_of")), (first, second)))
    stored = {r.key: r for r in session.scalars(select(FactRow).where(FactRow.key.in_({k[4] for k in keyed})))} \
        if keyed else {}
    for fact, _, _, value, key, (first, second) in keyed:
        if key not in stored:
            stored[key] = FactRow(subject_id=first, predicate=fact.predicate, object_id=second, object_value=value,
                                  qualifiers={}, key=key)
            session.add(stored[key])
    session.flush()
    rows = []
    for fact, subject, obj, _, key, _ in keyed:
        qualifiers = {k: (local[v].id if k in ENTITY_QUALIFIERS and v in local else v)
                      for k, v in fact.qualifiers.items()}
        rows.append({"fact_id": stored[key].id, "event_id": None, "document_id": doc.id,
                     "start": fact.evidence.start, "end": fact.evidence.end,
                     "text": doc.text[fact.evidence.start:fact.evidence.end], "qualifiers": qualifiers or None,
                     "subject_local_id": subject.id, "object_local_id": obj.id if obj else None,
                     "participants_local": None})
    return rows


def _write_events(session: Session, doc: DocumentRow, events: list[Event], local: dict[str, DocEntityRow]
                  ) -> list[dict]:
    """Upsert events — one per type, date and first participant, however many articles tell it."""
    keyed = []
    for ev in events:
        participants = [local[p] for p in dict.fromkeys(ev.participants) if p in local]
        first = participants[0] if participants else None
        keyed.append((ev, f"{ev.type}|{ev.date}|{first.entity_id if first else ''}", first, participants))
    rows = {r.key: r for r in session.scalars(select(EventRow).where(EventRow.key.in_({k for _, k, _, _ in keyed})))} \
        if keyed else {}
    for ev, key, _, _ in keyed:
        if key not in rows:
            rows[key] = EventRow(type=ev.type, date=ev.date, summary=ev.summary, key=key)
            session.add(rows[key])
    session.flush()
    return [{"fact_id": None, "event_id": rows[key].id, "document_id": doc.id, "start": ev.evidence.start,
             "end": ev.evidence.end, "text": doc.text[ev.evidence.start:ev.evidence.end], "qualifiers": None,
             "subject_local_id": first.id if first else None, "object_local_id": None,
             "participants_local": [p.id for p in participants]} for ev, key, first, participants in keyed]


def _insert(session: Session, table: type, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(table), rows)


def _write_quotes(session: Session, document_id: int, quotes: list[Quote], local: dict[str, DocEntityRow]) -> None:
    """Store quotes with the MinHash sketches of their words, then work out the groups around them again."""
    def entity(key: str | None) -> DocEntityRow | None:
        return local.get(key) if key else None

    rows = [QuoteRow(document_id=document_id, start=q.span.start, end=q.span.end, text=q.text, kind=q.kind,
                     speaker_id=entity(q.speaker).entity_id if entity(q.speaker) else None,
                     speaker_local_id=entity(q.speaker).id if entity(q.speaker) else None,
                     outlet_id=entity(q.outlet).entity_id if entity(q.outlet) else None,
                     outlet_local_id=entity(q.outlet).id if entity(q.outlet) else None,
                     date=q.date, cue=q.cue) for q in quotes]
    session.add_all(rows)
    session.flush()
    _insert(session, QuoteSketchRow, [
        {"quote_id": row.id, "slot": slot, "speaker_id": row.speaker_id or 0, "value": value}
        for row in rows for slot, value in enumerate(minhash(row.text))])
    regroup_quotes(session, {row.id for row in rows})


def regroup_quotes(session: Session, seeds: set[int]) -> set[int]:
    """Group again the quotes around `seeds`: every quote sharing a sketch value with them, and the groups those
    are in, until nothing new joins; then store each group (labelled by its first known source) and what it lends.

    The groups are a function of the quotes (kb/quotegroups.py), so they do not depend on the order of ingest.
    Returns the ids of the quotes grouped again.
    """
    ids, frontier = set(seeds), set(seeds)
    while frontier and len(ids) < MAX_QUOTE_CANDIDATES:
        values = select(QuoteSketchRow.value).where(QuoteSketchRow.quote_id.in_(frontier))
        near = set(session.scalars(select(QuoteSketchRow.quote_id).where(QuoteSketchRow.value.in_(values))
                                   .distinct().limit(MAX_QUOTE_CANDIDATES)))
        groups = select(QuoteRow.group_id).where(QuoteRow.id.in_(near), QuoteRow.group_id.is_not(None))
        near |= set(session.scalars(select(QuoteRow.id).where(QuoteRow.group_id.in_(groups))))
        frontier = near - ids
        ids |= near
    if not ids:
        return ids
    rows = session.execute(
        select(QuoteRow.id, QuoteRow.text, QuoteRow.document_id, QuoteRow.start, QuoteRow.end, QuoteRow.speaker_id,
               QuoteRow.outlet_id, QuoteRow.date, DocumentRow.source, DocumentRow.published, EntityRow.name)
        .join(DocumentRow, DocumentRow.id == QuoteRow.document_id)
        .outerjoin(EntityRow, EntityRow.id == QuoteRow.speaker_id).where(QuoteRow.id.in_(ids))).all()
    by_key = {(r.source, r.start, r.end, r.id): r.id for r in rows}
    items = [QuoteItem(key=(r.source, r.start, r.end, r.id), text=r.text, document=r.document_id,
                       speaker=r.speaker_id, outlet=r.outlet_id, date=r.date, published=r.published,
                       speaker_name=r.name) for r in rows]
    updates = []
    for group in group_quotes(items):
        label = by_key[group.source]
        for key in group.members:
            lent = group.lent.get(key, Lent())
            updates.append({"id": by_key[key], "group_id": label, "lent_speaker_id": lent.speaker,
                            "lent_outlet_id": lent.outlet, "lent_date": lent.date, "lent_from_id": lent.source})
    session.execute(update(QuoteRow), updates)
    return ids


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


def _article_entities(conn: Connection) -> None:
    """Entities become clusters of article entities, and articles keep the evidence of their dates. What was
    merged the old, order-dependent way cannot be taken apart again, so the extracted tables start afresh and
    every article is marked for re-extraction: `castline reextract` brings them back from the stored text and
    metadata (pipeline.py `reextract`), no original file or URL needed."""
    for table in (QuoteSketchRow, QuoteRow, EventParticipantRow, EvidenceRow, EventRow, FactRow, MentionRow,
                  AliasRow, EntityRow):
        table.__table__.drop(conn)
    for table in (EntityRow, DocEntityRow, NameNodeRow, NodeLinkRow, FactRow, EventRow, EvidenceRow,
                  EventParticipantRow, QuoteRow, QuoteSketchRow, MentionRow, AliasRow):
        table.__table__.create(conn)
    conn.execute(text("ALTER TABLE documents ADD COLUMN dates JSON"))
    conn.execute(update(DocumentRow).values(pipeline_version="stale"))


def _add_removed_rules(conn: Connection) -> None:
    """Why each line was removed; articles stored before have no reasons until they are ingested again."""
    conn.execute(text("ALTER TABLE documents ADD COLUMN removed_rules JSON"))


def _lending_quote_groups(conn: Connection) -> None:
    """Quote groups across speakers, and what a group lends its members: new columns, sketches for the quotes that
    name no speaker, then every group worked out afresh."""
    columns = {c["name"] for c in inspect(conn).get_columns("quotes")}
    for name, kind in (("lent_speaker_id", "INTEGER REFERENCES entities(id) ON DELETE SET NULL"),
                       ("lent_outlet_id", "INTEGER REFERENCES entities(id) ON DELETE SET NULL"),
                       ("lent_date", "VARCHAR(10)"), ("lent_from_id", "INTEGER")):
        if name not in columns:
            conn.execute(text(f"ALTER TABLE quotes ADD COLUMN {name} {kind}"))
    if "ix_quote_sketches_value" not in {i["name"] for i in inspect(conn).get_indexes("quote_sketches")}:
        Index("ix_quote_sketches_value", QuoteSketchRow.value).create(conn)
    sketched = select(QuoteSketchRow.quote_id)
    for quote_id, words in conn.execute(select(QuoteRow.id, QuoteRow.text).where(QuoteRow.id.not_in(sketched))):
        conn.execute(insert(QuoteSketchRow), [{"quote_id": quote_id, "slot": slot, "speaker_id": 0, "value": value}
                                              for slot, value in enumerate(minhash(words))])
    with Session(bind=conn) as session:
        done: set[int] = set()
        for quote_id in session.scalars(select(QuoteRow.id).order_by(QuoteRow.id)).all():
            if quote_id not in done:
                done |= regroup_quotes(session, {quote_id})
        session.flush()


def _add_decisions(conn: Connection) -> None:
    DecisionRow.__table__.create(conn, checkfirst=True)


def _add_feeds_and_first_seen(conn: Connection) -> None:
    """Watched feeds, editors' cast lists, and when each article was first stored (until now: its last ingest)."""
    FeedRow.__table__.create(conn, checkfirst=True)
    CastRow.__table__.create(conn, checkfirst=True)
    if "first_seen" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN first_seen TIMESTAMP"))
        conn.execute(update(DocumentRow).values(first_seen=DocumentRow.ingested_at))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_first_seen ON documents (first_seen)"))


def _search_index(conn: Connection) -> None:
    """The fuzzy search index (kb/search.py): built for the rows already stored, kept by the database from then on."""
    create_index(conn)


def _precomputed_counts(conn: Connection) -> None:
    """What entity lists and pages count, kept with the rows: per entity its mentions and articles, per fact its
    sentences and independent outlets; and the indexes that give a fact's first sources without reading the rest."""
    for table, columns in (("entities", ("mention_count", "document_count")),
                           ("facts", ("sources_total", "sources_independent"))):
        present = {c["name"] for c in inspect(conn).get_columns(table)}
        for column in columns:
            if column not in present:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0"))
    for index in [*EvidenceRow.__table__.indexes, *DocEntityRow.__table__.indexes, *EntityRow.__table__.indexes,
                  *DocumentRow.__table__.indexes, *AliasRow.__table__.indexes]:
        if index.name in ("ix_evidence_fact_order", "ix_evidence_event_order", "ix_doc_entities_entity_document",
                          "ix_entities_document_count", "ix_documents_outlet_published", "ix_aliases_entity_alias"):
            index.create(conn, checkfirst=True)
    conn.execute(text("UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = "
                      "entities.id), document_count = (SELECT count(DISTINCT d.document_id) FROM doc_entities d "
                      "WHERE d.entity_id = entities.id)"))
    conn.execute(text("UPDATE facts SET sources_total = (SELECT count(*) FROM evidence e WHERE e.fact_id = facts.id), "
                      "sources_independent = (SELECT count(DISTINCT coalesce(d.outlet, d.source)) FROM evidence e "
                      "JOIN documents d ON d.id = e.document_id WHERE e.fact_id = facts.id)"))


# Upgrade steps by target version: MIGRATIONS[n](connection) brings schema n-1 to n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _add_evidence_qualifiers, 3: _add_type_votes,
                                                       4: _add_quote_sketches, 5: _article_entities,
                                                       6: _lending_quote_groups, 7: _add_removed_rules,
                                                       8: _add_decisions, 9: _add_feeds_and_first_seen,
                                                       10: _search_index, 11: _precomputed_counts}
