"""Every page checks its role at its top: each script in app_pages/ is registered with the permission it needs,
and its own first check (`ui.require_identity(permission)`, before any read) asks for that permission, so a
page reached by its URL refuses a role the menu would not have shown it to. No Neo4j needed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from access.roles import PERMISSIONS
from explorer.ui import NEEDS, PAGES
from settings import REPO_ROOT


def _first_check(path: Path) -> tuple[str, int] | None:
    """The permission of the script's top-level `ui.require_identity(...)` and its statement's index."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for index, node in enumerate(tree.body):
        call = node.value if isinstance(node, ast.Expr) else None
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "require_identity"
            and call.args
            and isinstance(call.args[0], ast.Constant)
        ):
            return str(call.args[0].value), index
    return None


def test_every_page_script_is_registered_with_a_permission() -> None:
    scripts = {p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "app_pages").glob("*.py")}
    assert scripts - {"app_pages/__init__.py"} == set(PAGES.values())
    assert set(NEEDS) == set(PAGES) and set(NEEDS.values()) <= set(PERMISSIONS)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_each_page_checks_its_own_permission_before_anything_else_runs(page: str) -> None:
    found = _first_check(REPO_ROOT / PAGES[page])
    assert found is not None, f"{PAGES[page]} does not call ui.require_identity(permission) at its top"
    permission, index = found
    assert permission == NEEDS[page]
    tree = ast.parse((REPO_ROOT / PAGES[page]).read_text(encoding="utf-8"))
    before = [ast.unparse(n) for n in tree.body[:index] if not isinstance(n, ast.Import | ast.ImportFrom)]
    assert all(line.startswith(("st.title(", "st.caption(", "'", '"', "QUEUE", "from ")) for line in before), before
