"""The Train page's parts: settings, live view, controls."""
