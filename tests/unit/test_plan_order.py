"""Plan item positions: increasing in document order, stable when neighbours change."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hisconsole.domain.plan import assign_orders

keys = st.lists(st.sampled_from([f"k{i}" for i in range(12)]), unique=True, max_size=12)


@given(old=keys, new=keys)
def test_positions_follow_the_document_order(old: list[str], new: list[str]) -> None:
    current = assign_orders(old, {})
    result = assign_orders(new, current)
    positions = [result[k] for k in new]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_removing_or_inserting_one_item_moves_nothing_else() -> None:
    current = assign_orders(["a", "b", "c", "d"], {})
    after_removal = assign_orders(["a", "c", "d"], current)
    assert all(after_removal[k] == current[k] for k in "acd")
    after_insert = assign_orders(["a", "b", "x", "c", "d"], current)
    assert all(after_insert[k] == current[k] for k in "abcd")
    assert current["b"] < after_insert["x"] < current["c"]
