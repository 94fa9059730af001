# ruff: noqa
"""Imports of modules that are neither built in, in pwc's stdlib, nor beside the file."""

import os  # error: 8: cannot find module "os"
import no_such_module  # error: 8: cannot find module "no_such_module"
from xml import etree  # error: 1: cannot find module "xml"
