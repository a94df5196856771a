"""The command modules of the `trustledger` CLI: each registers its verbs on `cli_common.app`.

This is the command layer: it parses options, calls the one query function of each command
(`trustledger.queries`) and prints. It is the only layer besides `trustledger.cli` and
`trustledger.cli_common` that imports typer; no domain package imports it
(`tests/test_layers.py`). `trustledger.cli.COMMAND_MODULES` lists the modules in the order they
are loaded.
"""
