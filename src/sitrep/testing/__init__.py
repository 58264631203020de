"""Helpers for tests, in the package so that users and plugin authors can reuse them."""
