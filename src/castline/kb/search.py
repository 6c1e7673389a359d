"""Fuzzy, ranked search over entity names and aliases, article titles and quote words, with each database's own
trigram index: SQLite FTS5 tables with the trigram tokenizer, kept by triggers; PostgreSQL pg_trgm GIN indexes.

The index finds candidates (words sharing trigrams with the query, so that a typo still finds its name); one
score for both databases then ranks them (`score`): word by word, how close the candidate's nearest word is to
each word of the query, by pg_trgm's `similarity` of the two words (trigrams as pg_trgm counts them: each word
padded, case aside), a word the query begins counting as found.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..errors import StoreError
from .queries import article_title, quotes
from .schema import AliasRow, DocumentRow, EntityRow

KINDS = ("entities", "articles", "quotes")
# What the index searches: (index name, table, column). Aliases hold every name an article gave an entity.
INDEXED = (("search_entities", "entities", "name"), ("search_aliases", "aliases", "alias"),
           ("search_titles", "documents", "title"), ("search_quotes", "quotes", "text"))
# Candidates the index gives per table, best first, before they are scored: enough for many pages of results.
CANDIDATES = 500
# The score a candidate needs. A one-letter typo in each word of a two-word name scores about 0.47 ("Marla Quin"
# for "Mara Quinn"), one word right and one wrong about 0.5; names that only share some letters ("Dara Finch" for
# "Mara Quinn") score under 0.15, and the words of a long quote that merely resemble the query's about 0.3.
THRESHOLD = 0.4
# pg_trgm's `word_similarity` a row needs to be a candidate: looser than THRESHOLD, which decides.
PG_CANDIDATE = 0.3
FTS5_TRIGRAM = (3, 34, 0)  # the SQLite that first has the trigram tokenizer
WORD = re.compile(r"[^\W_]+")


def trigrams(words: str) -> set[str]:
    """pg_trgm's trigrams of some words: lower case, each word padded with two spaces before and one after."""
    out: set[str] = set()
    for word in WORD.findall(words.lower()):
        padded = f"  {word} "
        out.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return out


def score(query: str, words: str | None) -> float:
    """How well `words` match the query, from 0 to 1: the mean over the query's words of the trigram similarity
    (shared over all trigrams) of the nearest word in `words`, 1.0 for a word that begins with the query's."""
    asked = WORD.findall(query.lower())
    given = {w: trigrams(w) for w in WORD.findall((words or "").lower())}
    if not asked or not given:
        return 0.0
    total = 0.0
    for word in asked:
        if any(w.startswith(word) for w in given):
            total += 1.0
            continue
        grams = trigrams(word)
        total += max(len(grams & g) / len(grams | g) for g in given.values())
    return total / len(asked)


# ---- the index -----------------------------------------------------------------------------------------

def trgm_schema(conn: Connection) -> str:
    """The schema pg_trgm is installed in, installing it (in `public`, so that a schema dropped with its knowledge
    base does not take the extension with it) when the database lacks it."""
    found = conn.execute(text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                              "WHERE e.extname = 'pg_trgm'")).scalar()
    if found is None:
        public = conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = 'public'")).scalar()
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm" + (" SCHEMA public" if public else "")))
        found = conn.execute(text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                                  "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")).scalar()
    return str(found)


def create_index(conn: Connection) -> None:
    """Build the search index for the rows already stored; from then on the database keeps it with every write
    (PostgreSQL its GIN indexes, SQLite the triggers made here), re-ingests and deletes included."""
    if conn.dialect.name == "postgresql":
        schema = trgm_schema(conn)
        for name, table, column in INDEXED:
            conn.execute(text(f'CREATE INDEX IF NOT EXISTS ix_{name} ON {table} '
                              f'USING gin ("{column}" "{schema}".gin_trgm_ops)'))
        return
    if sqlite3.sqlite_version_info < FTS5_TRIGRAM:
        raise StoreError(f"search needs SQLite {'.'.join(map(str, FTS5_TRIGRAM))} or newer (FTS5 trigram); "
                         f"this Python has {sqlite3.sqlite_version}")
    for name, table, column in INDEXED:
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5({column}, content='{table}', "
                             "content_rowid='id', tokenize='trigram')")
        forget = f"INSERT INTO {name}({name}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
        learn = f"INSERT INTO {name}(rowid, {column}) VALUES (new.id, new.{column});"
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name}_insert AFTER INSERT ON {table} BEGIN {learn} END")
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name}_delete AFTER DELETE ON {table} BEGIN {forget} END")
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name}_update AFTER UPDATE OF {column} ON {table} "
                             f"BEGIN {forget} {learn} END")
        conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


# ---- searching -------------------------------------------------------------------------------------------

def _fts_query(query: str) -> str | None:
    """An FTS5 query for any of the query's trigrams (within words), or None when no word has three letters."""
    grams = sorted({word[i:i + 3] for word in WORD.findall(query.lower()) for i in range(len(word) - 2)})
    return " OR ".join('"' + g.replace('"', '""') + '"' for g in grams) or None


def _candidates(session: Session, query: str, name: str, table: str, column: str, schema: str | None
                ) -> list[tuple[int, str]]:
    """(row id, words) of the rows the index finds near the query, best first (`schema`: pg_trgm's, on
    PostgreSQL)."""
    if schema is not None:
        rows = session.execute(text(
            f'SELECT id, "{column}" FROM {table} WHERE :q OPERATOR("{schema}".<%) "{column}" '
            f'ORDER BY "{schema}".word_similarity(:q, "{column}") DESC, id LIMIT :n'),
            {"q": query, "n": CANDIDATES})
        return [(i, w) for i, w in rows]
    match = _fts_query(query)
    if match is None:  # words too short for trigrams: the words as they are, anywhere
        like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = session.execute(text(f'SELECT id, "{column}" FROM {table} WHERE "{column}" LIKE :like ESCAPE \'\\\' '
                                    "ORDER BY id LIMIT :n"), {"like": like, "n": CANDIDATES})
    else:
        rows = session.execute(text(f"SELECT rowid, {column} FROM {name} WHERE {name} MATCH :m ORDER BY rank "
                                    "LIMIT :n"), {"m": match, "n": CANDIDATES})
    return [(i, w) for i, w in rows]


def _ranked(query: str, found: list[tuple[int, str]]) -> list[tuple[int, str, float]]:
    """(id, words, score) of the candidates close enough, best first (the shorter words first among equals)."""
    scored = [(i, w, score(query, w)) for i, w in found]
    if not WORD.search(query):  # no word to score (punctuation only): the index matched the text as it is
        scored = [(i, w, 1.0) for i, w in found]
    return sorted((s for s in scored if s[2] >= THRESHOLD), key=lambda s: (-s[2], len(s[1] or ""), s[0]))


def search(session: Session, query: str, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Entities by name or alias, articles by title, quotes by their words: each list ranked, best first, one page
    of it (`limit` from `offset`), with its total (`entities_total` …); `…_capped` says the index gave as many
    candidates as it gives (CANDIDATES), so that there may be more than the total."""
    query = query.strip()
    out: dict[str, Any] = {kind: [] for kind in KINDS} | {f"{kind}_total": 0 for kind in KINDS} \
        | {f"{kind}_capped": False for kind in KINDS}
    if not query:
        return out
    schema = None
    if session.get_bind().dialect.name == "postgresql":
        schema = trgm_schema(session.connection())
        session.execute(text("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)"),
                        {"t": str(PG_CANDIDATE)})
    names = {index: _candidates(session, query, index, table, column, schema) for index, table, column in INDEXED}
    capped = {index for index, found in names.items() if len(found) >= CANDIDATES}
    out["entities_capped"] = bool(capped & {"search_entities", "search_aliases"})
    out["articles_capped"] = "search_titles" in capped
    out["quotes_capped"] = "search_quotes" in capped

    best: dict[int, tuple[float, str]] = {}
    for entity_id, words, value in _ranked(query, names["search_entities"]):
        best.setdefault(entity_id, (value, words))
    alias_ids = [i for i, _, _ in _ranked(query, names["search_aliases"])]
    alias_rows = dict(session.execute(select(AliasRow.id, AliasRow.entity_id).where(AliasRow.id.in_(alias_ids)))
                      .all()) if alias_ids else {}
    for alias_id, words, value in _ranked(query, names["search_aliases"]):
        entity_id = alias_rows.get(alias_id)
        if entity_id is not None and value > best.get(entity_id, (-1.0, ""))[0]:
            best[entity_id] = (value, words)
    rows = {e.id: e for e in session.scalars(select(EntityRow).where(EntityRow.id.in_(best)))} if best else {}
    order = sorted((i for i in best if i in rows), key=lambda i: (-best[i][0], len(rows[i].name), rows[i].name, i))
    out["entities_total"] = len(order)
    out["entities"] = [{"id": i, "name": rows[i].name, "type": rows[i].type, "matched": best[i][1],
                        "score": round(best[i][0], 3)} for i in order[offset:offset + limit]]

    titles = _ranked(query, names["search_titles"])
    out["articles_total"] = len(titles)
    page = titles[offset:offset + limit]
    docs = {d.id: d for d in session.scalars(select(DocumentRow).where(DocumentRow.id.in_([i for i, _, _ in page])))}
    out["articles"] = [{"id": i, "title": article_title(docs[i].title, docs[i].source), "source": docs[i].source,
                        "outlet": docs[i].outlet, "published": docs[i].published, "score": round(value, 3)}
                       for i, _, value in page if i in docs]

    said = _ranked(query, names["search_quotes"])
    out["quotes_total"] = len(said)
    page = said[offset:offset + limit]
    scores = {i: value for i, _, value in page}
    found = quotes(session, quote_ids=list(scores), limit=len(scores)) if scores else []
    out["quotes"] = sorted(({**q, "score": round(scores[q["id"]], 3)} for q in found),
                           key=lambda q: (-q["score"], q["id"]))
    return out
