# ruff: noqa
"""Imports of modules that are neither built in, in pwc's stdlib, nor beside the file."""

import os  # error: 8: cannot find module "os"
import no_such_module  # error: 8: cannot find module "no_such_module"
from collections import OrderedDict  # error: 25: Module "collections" has no attribute "OrderedDict" supported by pwc
