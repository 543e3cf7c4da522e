"""The daemon's HTTP side: /healthz, /metrics and the read-only pages (`monitor.web.pages`).
One aiohttp application, served inside the daemon's own event loop (`monitor.web.server`)."""
