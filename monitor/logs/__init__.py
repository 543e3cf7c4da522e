"""Logs, at the bottom of the layers: `events` renders one event per line (structlog), `levels`
holds the levels and the deferred handler that builds the renderer on the first line logged.
This file stays empty so that importing `levels` costs the command line nothing."""
