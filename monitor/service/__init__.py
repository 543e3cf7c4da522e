"""The long-running service around the pipeline: the daemon (store, scheduler, HTTP side), its
lifecycle and health, systemd's notify protocol, and retention. Above the pipeline, below the
command line: it starts the pipeline's jobs and never reaches into a stage."""
