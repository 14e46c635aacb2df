# A stub for older tooling; the package is built by flit from pyproject.toml.
from setuptools import setup

setup()
