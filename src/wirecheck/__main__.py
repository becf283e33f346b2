from wirecheck.cli import console

console()
