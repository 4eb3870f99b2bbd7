"""Shared by the tests: figures are drawn off screen (matplotlib's Agg backend) and closed after each test."""

import sys

import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def close_figures():
    yield
    if "matplotlib.pyplot" in sys.modules:  # only tests that drew something have figures to close
        sys.modules["matplotlib.pyplot"].close("all")
