"""Secrets kept out of every message: those of feed URLs (`urls`) and of channel URLs
(`channels`). At the bottom of the layers with records and logs: every stage may use it."""
