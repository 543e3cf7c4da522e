"""The store finds the newest migration without Alembic (monitor/store/db.py head_revision),
so opening a current database loads no migration machinery; Alembic must agree with it."""

from __future__ import annotations

import subprocess
import sys

from alembic.script import ScriptDirectory

from monitor.store import Store
from monitor.store.db import MIGRATIONS, create_db_engine, current_revision, head_revision


def test_the_head_revision_is_alembics_head() -> None:
    assert head_revision() == ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_a_database_reports_its_revision_and_none_before_any_migration(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()
    store = Store.open(db_url)
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.schema_problem() is None
    finally:
        store.close()


def test_opening_a_current_database_does_not_load_alembic(db_url: str) -> None:
    Store.open(db_url).close()
    probe = (
        "import sys\n"
        "from monitor.store import Store\n"
        f"Store.open({db_url!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
