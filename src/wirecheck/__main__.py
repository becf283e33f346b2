from wirecheck.cli import run

run()
