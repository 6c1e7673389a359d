"""What is new in the knowledge base since a moment: facts first stated, quotes, conflicts that arose or grew.

"New" follows the news, not the database's churn: an article's `first_seen` is when castline first stored its
words, kept when it is only extracted again, so a re-extraction reports nothing and an article that changed
reports what it now says. A fact is new when every article stating it was first seen since then.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import queries
from .conflicts import find_conflicts
from .review import fact_decisions
from .schema import DocumentRow, EvidenceRow


def changes(session: Session, since: datetime, limit: int = 500) -> dict[str, Any]:
    """Facts, quotes and conflicts new since `since` (naive UTC), newest first, each with its articles."""
    seen = func.min(DocumentRow.first_seen)
    new_facts = dict(session.execute(
        select(EvidenceRow.fact_id, seen).join(DocumentRow, DocumentRow.id == EvidenceRow.document_id)
        .where(EvidenceRow.fact_id.is_not(None)).group_by(EvidenceRow.fact_id).having(seen >= since)).all())
    rejected = {i for i, d in fact_decisions(session).items() if d.kind == "reject"}
    facts = [f | {"first_seen": new_facts[f["id"]].isoformat(timespec="seconds")}
             for f in queries.all_facts(session, ids=set(new_facts) - rejected)]
    facts.sort(key=lambda f: (f["first_seen"], f["id"]), reverse=True)
    recent = dict(session.execute(select(DocumentRow.id, DocumentRow.first_seen)
                                  .where(DocumentRow.first_seen >= since)).all())
    quotes = [q | {"first_seen": recent[q["document"]].isoformat(timespec="seconds")}
              for q in queries.quotes(session, stored_since=since, limit=limit)]
    conflicts = []
    for conflict in find_conflicts(session):
        dates = [recent[s["document"]] for v in conflict["values"] for s in v["sources"] if s["document"] in recent]
        if dates:
            conflicts.append(conflict | {"first_seen": max(dates).isoformat(timespec="seconds")})
    return {"since": since.isoformat(timespec="seconds"), "facts": facts[:limit], "quotes": quotes[::-1],
            "conflicts": conflicts[:limit]}
