"""Terminal renderings of linked records: merged events and stories.

Only presentation lives here; commands hand in the dicts `Store.merged_events` and
`Store.stories` return. Docs: docs/linking.md
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table

from sitrep.render import amount_text, parties_text


def figure_text(figure: dict) -> str:
    """One figure as people read it: '~10,000 troops (Pentagon)'."""
    amount = amount_text(figure)
    return f"{amount} ({figure['claimant']})" if figure.get("claimant") else amount


def figures_text(figures: list[dict]) -> str:
    """Distinct figures, in order of first report, joined by '; '."""
    return "; ".join(dict.fromkeys(figure_text(f) for f in figures))


def merged_table(rows: Iterable[dict], title: str | None = None) -> Table:
    """One row per merged event: date, dyad, CAMEO, how many articles, outlets and claimants, figures."""
    table = Table(title=title, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("source", overflow="fold")
    table.add_column("cameo", max_width=34, overflow="ellipsis", no_wrap=True)
    table.add_column("target", overflow="fold")
    for column in ("articles", "outlets", "claimants"):
        table.add_column(column, justify="right")
    table.add_column("figures", overflow="fold")
    table.add_column("event", no_wrap=True)
    for row in rows:
        date = (row.get("date") or {}).get("value") or (f"({row['first_reported']})" if row.get("first_reported") else "")
        cameo = f"{row['cameo']} {row.get('cameo_name') or ''}".strip()
        table.add_row(date, parties_text(row["source"]), cameo, parties_text(row["target"]), str(row["n_articles"]),
                      str(row["n_publishers"]), str(row["n_claimants"]), figures_text(row["figures"]), row["id"])
    return table


def stories_table(rows: Iterable[dict], title: str | None = None) -> Table:
    """One row per story: label, dates, how many articles and outlets, main actors."""
    table = Table(title=title, header_style="bold")
    table.add_column("last seen", no_wrap=True)
    table.add_column("first seen", no_wrap=True)
    table.add_column("story", overflow="fold")
    table.add_column("articles", justify="right")
    table.add_column("outlets", justify="right")
    table.add_column("actors", overflow="fold")
    table.add_column("id", no_wrap=True)
    for row in rows:
        table.add_row(row["last_seen"] or "", row["first_seen"] or "", row["label"], str(row["n_articles"]),
                      str(row["n_publishers"]), ", ".join(row["actors"][:5]), row["id"])
    return table
