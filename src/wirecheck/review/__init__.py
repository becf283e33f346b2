"""Analysts' reviews of facts: record one (record.py), find where each applies now (attach.py).

Reviews are the one thing in the store a person wrote: they live in their own table, keyed
by stable keys, and survive `wirecheck analyze --force`, re-ingest and re-reconcile.
"""
