from __future__ import annotations

import io

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from sitrep.model import Analysis
from sitrep.store import Store, db, migrate, schema


def test_migrate_open_brings_database_to_head(empty_store: Store) -> None:
    assert migrate.head_revision() == "0002"
    assert empty_store.revision() == migrate.head_revision()


def test_migrate_new_database_has_no_revision(tmp_path) -> None:
    with Store(tmp_path / "bare.db") as bare:
        assert bare.revision() is None


def test_migrate_migrations_build_exactly_the_schema(empty_store: Store) -> None:
    with empty_store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, schema.metadata) == []


def test_migrate_reopening_keeps_revision_and_rows(store: Store, store_url: str) -> None:
    before = store.counts()
    store.close()
    with Store.open(store_url) as reopened:
        assert reopened.revision() == migrate.head_revision()
        assert reopened.counts() == before


def test_migrate_downgrade_to_base_drops_every_table(empty_store: Store) -> None:
    url = empty_store.url.render_as_string(hide_password=False)
    with empty_store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(url, conn), "base")
    assert set(inspect(empty_store.engine).get_table_names()) == {"alembic_version"}
    empty_store.migrate()
    assert set(inspect(empty_store.engine).get_table_names()) == {*schema.metadata.tables, "alembic_version"}


def test_migrate_alembic_config_without_connection_uses_url(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    command.upgrade(migrate.alembic_config(url), "head")
    with Store(url) as store:
        assert store.revision() == migrate.head_revision()


def test_migrate_renders_postgresql_ddl_offline() -> None:
    config = migrate.alembic_config("postgresql://user:secret@localhost/sitrep")
    config.output_buffer = io.StringIO()
    command.upgrade(config, "head", sql=True)
    ddl = config.output_buffer.getvalue()
    assert all(f"CREATE TABLE {table} (" in ddl for table in schema.metadata.tables)
    assert "ingested_at TIMESTAMP WITH TIME ZONE NOT NULL" in ddl
    assert "analysis JSON NOT NULL" in ddl


def test_migrate_0001_database_keeps_articles_and_relinks_them(tmp_path, analyses: list[Analysis]) -> None:
    with Store(tmp_path / "old.db") as old:
        old.migrate("0001")
        with old.engine.begin() as conn:
            for analysis in analyses:
                db._insert(conn, analysis)
    with Store.open(tmp_path / "old.db") as upgraded:
        assert upgraded.revision() == "0002"
        assert (upgraded.counts()["articles"], upgraded.merged_events()) == (3, [])
        assert upgraded.relink() == 3
        assert len(upgraded.merged_events()) == 6 and len(upgraded.stories()) == 3
