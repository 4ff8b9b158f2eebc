"""A plan file with any value in any place is refused with PlanInvalid, never a traceback."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hisconsole.domain import plan
from hisconsole.services import plan as plan_service

DOC = plan_service.read_document(plan_service.default_plan_path())

# What YAML can give: scalars, lists and mappings (keys may be numbers or null too).
YAML_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=10)
    | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=5) | st.integers() | st.none(), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


PATHS = _paths(DOC)[1:]


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    node = doc
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return doc


def test_the_issues_plan_is_refused_clearly() -> None:
    doc = _replace(DOC, ("scenarios", 0, "risk"), [1, 2])
    with pytest.raises(plan.PlanInvalid, match=r"scenarios.*risk"):
        plan.validate(doc)


@settings(max_examples=400, deadline=None)
@given(path=st.sampled_from(PATHS), value=YAML_VALUES)
def test_any_value_anywhere_is_valid_or_refused(path: tuple[Any, ...], value: Any) -> None:
    doc = _replace(DOC, path, value)
    try:
        plan.validate(doc)
    except plan.PlanInvalid as exc:
        assert str(exc)
