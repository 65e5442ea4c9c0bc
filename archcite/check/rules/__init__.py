"""The checks, one module per family; each registers with :func:`archcite.check.registry.rule`."""
