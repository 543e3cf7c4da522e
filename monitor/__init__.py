"""monitor: a media-monitoring daemon that alerts when the facts of a story change."""

__version__ = "0.1.0"
