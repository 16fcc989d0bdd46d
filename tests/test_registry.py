"""The registry remembers which api function consumed a handle, so a later use says so and how
to keep it (`addref`); a freed handle stays a plain 'stale pointer."""
import pytest

from ktwa.errors import QError
from ktwa.registry import Registry


def test_a_consumed_handle_names_its_consumer_and_addref():
    r = Registry()
    q, o = r.new(object(), "module"), r.new(object(), "optimizer")
    r.release(q, by="model")
    with pytest.raises(QError) as ei:
        r.entry(q)
    assert ei.value.msg == ("stale pointer: this handle was consumed by model; "
                            "pass addref h to model to keep h")
    with pytest.raises(QError, match="consumed by model"):
        r.release(q)
    r.release(o)                                   # free: no consumer to name
    with pytest.raises(QError) as ei:
        r.entry(o)
    assert ei.value.msg == "stale pointer"
    r.clear()
    with pytest.raises(QError) as ei:
        r.entry(q)
    assert ei.value.msg == "stale pointer"
