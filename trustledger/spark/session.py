"""Starting Spark: master from --spark-master, else SPARK_MASTER / spark-submit, else local[2]."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from trustledger.errors import UserError

MIN_JAVA = 17


def java_version() -> int | None:
    """The major version of the `java` on PATH (or JAVA_HOME), None if there is none."""
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else shutil.which("java")
    if not java or not os.path.exists(java):
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


def check_java() -> None:
    v = java_version()
    if v is None:
        raise UserError("the Spark engine needs Java 17 or newer and no `java` was found "
                        "(install openjdk-17-jre-headless or set JAVA_HOME)")
    if v < MIN_JAVA:
        raise UserError(f"the Spark engine needs Java {MIN_JAVA} or newer; found Java {v} (set JAVA_HOME)")


def resolve_master(master: str | None) -> str:
    return master or os.environ.get("SPARK_MASTER") or "local[2]"


@functools.cache
def get_spark(master: str | None = None):
    """One SparkSession per process; quiet, no UI, Arrow transfers on."""
    check_java()
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise UserError("the Spark engine needs PySpark: pip install 'trustledger[spark]'") from e
    # Executors must run this interpreter (the one with trustledger, spaCy and its pipeline).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if "PYSPARK_GATEWAY_PORT" not in os.environ and "PYSPARK_SUBMIT_ARGS" not in os.environ:
        log_conf = Path(__file__).with_name("log4j2.properties")
        os.environ["PYSPARK_SUBMIT_ARGS"] = (
            f'--driver-java-options "-Dlog4j2.configurationFile={log_conf}" '
            "--conf spark.ui.showConsoleProgress=false pyspark-shell"
        )
    builder = SparkSession.builder.appName("trustledger")
    # Under spark-submit the master is already set (and the gateway is up): keep it unless given.
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master(resolve_master(master))
    spark = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("TRUSTLEDGER_SPARK_PARTITIONS", "4"))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", os.environ.get("TRUSTLEDGER_SPARK_DRIVER_MEMORY", "2g"))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark
