"""Cross-article linking inside the store's transaction: dedup, then story, then events.

`Store.ingest` calls `lock` first (it serializes writers and hands out the article's `seq`),
stores the article's rows, then `link`: every decision reads only committed state and the
rows of the current transaction, so a killed run leaves nothing half-linked and a rerun makes
the same decisions in the same order. The logic lives in `sitrep.link`; this module reads and
writes its tables. Docs: docs/linking.md
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select, true, update

from sitrep.link import dedup, stories
from sitrep.link import events as merging
from sitrep.link.model import IngestResult, MergedEvent
from sitrep.model import Analysis
from sitrep.store import schema

# Child tables first: what `reset` empties, in an order foreign keys accept.
LINK_TABLES = (schema.mentions, schema.merged_events, schema.story_articles, schema.story_keys, schema.stories,
               schema.duplicates, schema.signatures)


def lock(conn: Connection) -> int:
    """Take the writers' lock (one row update) and return the seq the next article gets."""
    state = schema.link_state
    conn.execute(update(state).where(state.c.id == 1).values(next_seq=state.c.next_seq + 1))
    return conn.scalar(select(state.c.next_seq).where(state.c.id == 1))


def reset(conn: Connection) -> None:
    """Forget every link (signatures, copies, stories, merged events); articles stay."""
    for table in LINK_TABLES:
        conn.execute(delete(table))
    conn.execute(update(schema.link_state).where(schema.link_state.c.id == 1).values(next_seq=0))


def refresh(conn: Connection, index: dedup.DedupIndex) -> None:
    """Add signatures committed since the index last looked (by this or another process)."""
    s, d = schema.signatures, schema.duplicates
    query = (select(s.c.article_id, s.c.seq, s.c.minhash, d.c.canonical_id)
             .outerjoin(d, d.c.article_id == s.c.article_id)
             .where(s.c.seq > index.last_seq).order_by(s.c.seq))
    for row in conn.execute(query):
        index.add(row.article_id, row.seq, dedup.from_bytes(row.minhash, row.article_id), row.canonical_id)


def link(conn: Connection, analysis: Analysis, seq: int, index: dedup.DedupIndex) -> IngestResult:
    """Link a just-inserted article: find its original, join or start a story, merge its events."""
    refresh(conn, index)
    minhash = dedup.signature(analysis.text)
    copy = index.find(minhash)
    conn.execute(insert(schema.signatures), {"article_id": analysis.hash, "seq": seq,
                                              "minhash": dedup.to_bytes(minhash)})
    if copy is not None:
        conn.execute(insert(schema.duplicates), {"article_id": analysis.hash, "canonical_id": copy.canonical,
                                                  "similarity": copy.similarity})
    story, new_story = _join_story(conn, analysis, seq, copy)
    merged, new_merged = _merge_events(conn, analysis, copy)
    return IngestResult(article_id=analysis.hash, stored=True, duplicate_of=copy.canonical if copy else None,
                        similarity=copy.similarity if copy else None, story=story, new_story=new_story,
                        merged=merged, new_merged=new_merged)


# Stories ---------------------------------------------------------------------------------------

def _load_story(row: Any) -> stories.Story:
    return stories.Story(id=row.id, first_seen=row.first_seen, last_seen=row.last_seen, actors=row.actors,
                         places=row.places, terms=row.terms, dyads=row.dyads)


def _story_values(story: stories.Story) -> dict[str, Any]:
    return {"label": story.label, "first_seen": story.first_seen, "last_seen": story.last_seen,
            "actors": story.actors, "places": story.places, "dyads": story.dyads, "terms": story.terms}


def _candidate_stories(conn: Connection, profile: stories.Profile) -> list[stories.Story]:
    st, keys = schema.stories, schema.story_keys
    if not profile.keys():
        return []
    sharing = select(keys.c.story_id).where(keys.c.key.in_(profile.keys()))
    query = select(st).where(st.c.id.in_(sharing)).order_by(st.c.id)
    if profile.published is not None:
        earliest = (date.fromisoformat(profile.published) - timedelta(days=stories.WINDOW_DAYS)).isoformat()
        query = query.where(or_(st.c.last_seen.is_(None), st.c.last_seen >= earliest))
    return [_load_story(row) for row in conn.execute(query)]


def _add_keys(conn: Connection, story: stories.Story, before: set[str]) -> None:
    keys = [f"actor:{code}" for code in story.actors] + [f"place:{place}" for place in story.places]
    new = [{"story_id": story.id, "key": key} for key in keys if key not in before]
    if new:
        conn.execute(insert(schema.story_keys), new)


def _copy_story(conn: Connection, analysis: Analysis, copy: dedup.Copy) -> str | None:
    """A copy joins its canonical article's story, counting as an article but adding no terms."""
    st, sa = schema.stories, schema.story_articles
    row = conn.execute(select(st).join(sa, sa.c.story_id == st.c.id)
                       .where(sa.c.article_id == copy.canonical)).first()
    if row is None:
        return None
    story = _load_story(row)
    stories.seen(story, analysis.article.published)
    conn.execute(update(st).where(st.c.id == story.id)
                 .values(n_articles=row.n_articles + 1, first_seen=story.first_seen, last_seen=story.last_seen))
    conn.execute(insert(sa), {"article_id": analysis.hash, "story_id": story.id, "score": copy.similarity})
    return story.id


def _join_story(conn: Connection, analysis: Analysis, seq: int, copy: dedup.Copy | None) -> tuple[str, bool]:
    st, sa = schema.stories, schema.story_articles
    if copy is not None and (joined := _copy_story(conn, analysis, copy)) is not None:
        return joined, False
    profile = stories.profile(analysis)
    found = stories.best(profile, _candidate_stories(conn, profile))
    if found is None:
        story, score = stories.Story(id=stories.story_id(analysis.hash)), None
        stories.extend(story, profile)
        conn.execute(insert(st), {"id": story.id, "seq": seq, "n_articles": 1, **_story_values(story)})
        _add_keys(conn, story, set())
    else:
        story, score = found
        before = {f"actor:{code}" for code in story.actors} | {f"place:{place}" for place in story.places}
        stories.extend(story, profile)
        conn.execute(update(st).where(st.c.id == story.id)
                     .values(n_articles=st.c.n_articles + 1, **_story_values(story)))
        _add_keys(conn, story, before)
    conn.execute(insert(sa), {"article_id": analysis.hash, "story_id": story.id,
                              "score": round(score, 4) if score is not None else None})
    return story.id, found is None


# Merged events ---------------------------------------------------------------------------------

def _candidates(conn: Connection, report: merging.Report, taken: set[str]) -> list[MergedEvent]:
    """Stored records with the report's root, parties and negation that may be its event."""
    me = schema.merged_events
    source_key, target_key = merging.party_keys(report.event)
    if not (source_key or target_key):
        return []
    query = select(me.c.id, me.c.record).where(
        me.c.root == report.event.cameo[:2], me.c.source_key == source_key, me.c.target_key == target_key,
        me.c.negated == report.event.negated, _near(report)).order_by(me.c.id)
    records = [MergedEvent.model_validate(row.record) for row in conn.execute(query) if row.id not in taken]
    return [record for record in records if merging.compatible(record, report)]


def _near(report: merging.Report) -> Any:
    """SQL prefilter equivalent to the time rules of `merging.compatible`."""
    me = schema.merged_events
    if report.published is None:
        return true()
    day = date.fromisoformat(report.published)
    low = (day - timedelta(days=merging.WINDOW_DAYS)).isoformat()
    high = (day + timedelta(days=merging.WINDOW_DAYS)).isoformat()
    conditions = [me.c.first_reported.is_(None), and_(me.c.last_reported >= low, me.c.first_reported <= high)]
    span = merging.day_span(report.event.date)
    if span is not None:
        conditions.append(and_(me.c.date_first <= span[1], me.c.date_last >= span[0]))
    return or_(*conditions)


def _record_values(record: MergedEvent) -> dict[str, Any]:
    source_key, target_key = merging.party_keys(record)
    own = merging.day_span(record.date) or (None, None)
    day_first, day_last = merging.record_days(record)
    return {"root": record.cameo[:2], "cameo": record.cameo, "source_key": source_key, "target_key": target_key,
            "negated": record.negated, "date_first": own[0], "date_last": own[1],
            "first_reported": record.first_reported, "last_reported": record.last_reported,
            "day_first": day_first, "day_last": day_last, "n_articles": record.n_articles,
            "n_publishers": record.n_publishers, "n_claimants": record.n_claimants,
            "record": record.model_dump(mode="json")}


def _merge_events(conn: Connection, analysis: Analysis, copy: dedup.Copy | None) -> tuple[list[str], list[str]]:
    """Fold each event into the record of its real-world event, or start one."""
    me, mentions = schema.merged_events, schema.mentions
    canonical = set(conn.scalars(select(mentions.c.merged_id).where(mentions.c.article_id == copy.canonical))) \
        if copy else set()
    merged: list[str] = []
    new: list[str] = []
    for event in analysis.events:
        report = merging.Report(analysis, event, copy.canonical if copy else None)
        candidates = _candidates(conn, report, set(merged))
        if candidates:
            found = min(candidates, key=lambda r: (r.id not in canonical, merging.distance(r, report), r.id))
            record = merging.fold(found, report)
            conn.execute(update(me).where(me.c.id == record.id).values(**_record_values(record)))
        else:
            record = merging.start(report)
            conn.execute(insert(me), {"id": record.id, **_record_values(record)})
            new.append(record.id)
        conn.execute(insert(mentions), {"article_id": analysis.hash, "event_id": event.id, "merged_id": record.id,
                                        "position": len(record.mentions) - 1, "publisher": analysis.article.publisher,
                                        "published": analysis.article.published,
                                        "copy_of": copy.canonical if copy else None})
        merged.append(record.id)
    return merged, new
