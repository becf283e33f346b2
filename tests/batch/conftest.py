"""Batch-test fixtures: the single-process reference store and one Spark session."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import INPUTS

from wirecheck import pipeline
from wirecheck.store.db import connect


@pytest.fixture(scope="session")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """The single-process reference: ``wirecheck ingest`` of the fixture corpus."""
    conn = connect(tmp_path_factory.mktemp("ingest") / "ref.db")
    pipeline.ingest(conn, INPUTS)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local[2] Spark session for every Spark test (small memory, quiet logs)."""
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime (./dev.sh test installs openjdk-17-jre-headless)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from wirecheck.batch.spark import spark_session

    session = spark_session("local[2]", conf={
        "spark.driver.memory": "1g", "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "4", "spark.default.parallelism": "2",
    })
    yield session
    session.stop()


@pytest.fixture(scope="session")
def job(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """One Spark batch of the fixture corpus: (its --out folder, its SparkReport)."""
    from wirecheck.batch.spark import run_spark

    out = tmp_path_factory.mktemp("spark") / "out"
    return out, run_spark(INPUTS, out, session=spark)
