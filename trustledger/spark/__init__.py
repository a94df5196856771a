"""The Spark engine: the same coding and aggregation as the local engine, scaled out.

Spark (PySpark) runs the pipeline's own functions per partition; results travel as Parquet and
end in the DuckDB store, so everything downstream is the same whichever engine produced it.
"""
