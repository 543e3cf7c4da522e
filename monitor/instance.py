"""Who this process is, for leases: rows a daemon claims carry its id, so that several daemons
on one database can tell their own claims from a crashed peer's."""

from __future__ import annotations

import os
import secrets
import socket


def new_instance_id() -> str:
    """Host, process and a random suffix: a restarted process with a reused pid is a new
    instance, and its predecessor's leases are left to expire rather than silently adopted."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


INSTANCE_ID = new_instance_id()
