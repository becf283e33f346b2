"""What changed in the store: versions' figures, verdicts as they move, since a look.

- :mod:`~wirecheck.changes.figures` — figures of two versions of one article, paired
  (pure functions);
- :mod:`~wirecheck.changes.versions` — the store side: superseded versions' figures that
  their successor changed or dropped (these enter alignment as earlier reports);
- :mod:`~wirecheck.changes.verdict_log` — the verdict of every fact, recorded after each
  reconcile, so a change (agree → conflict) is a row;
- :mod:`~wirecheck.changes.report` — everything that changed since a time or the last
  look, for ``wirecheck changes``, the dossier and the web UI.
"""
