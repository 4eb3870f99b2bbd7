"""The catalogue of mistakes: every entry is caught and named by its own check, and none explains a right
answer. Each check module's CATALOGUES maps a check's name to its part's list of Mistakes."""

import importlib

import numpy as np
import pytest

from annlib import checks
from annlib.checks import CheckFailed
from annlib.checks._core import Mistake
from tests.corpus import wrong_here

MODULES = ["neuron", "activations", "forward", "losses", "derivatives", "backprop", "training", "project"]


def _catalogues():
    found = {}
    for name in MODULES:
        module = importlib.import_module(f"annlib.checks.{name}")
        found.update(getattr(module, "CATALOGUES", {}))
    return found


CATALOGUES = _catalogues()
ENTRIES = [(check, mistake) for check, mistakes in sorted(CATALOGUES.items()) for mistake in mistakes]


def test_every_catalogue_belongs_to_a_check_and_keys_are_unique():
    for check, mistakes in CATALOGUES.items():
        assert check in checks.__all__, check
        keys = [m.key for m in mistakes]
        assert len(keys) == len(set(keys)), f"{check}: repeated keys"
        assert all(isinstance(m, Mistake) and m.hint for m in mistakes)


@pytest.mark.parametrize("check, mistake", ENTRIES, ids=[f"{c[6:]}-{m.key}" for c, m in ENTRIES])
def test_each_mistake_is_caught_and_named_by_its_own_check(check, mistake, capfd):
    if not wrong_here(check, mistake.key):
        pytest.skip(f"{mistake.key} is right with numpy {np.__version__} (tests/corpus, CONDITIONS)")
    with pytest.raises(CheckFailed) as info:
        getattr(checks, check)(mistake.example)
    assert mistake.key in info.value.mistakes, str(info.value)
    assert mistake.hint in str(info.value)
    assert capfd.readouterr().err == ""
