"""Reusable widgets shared by the pages."""
