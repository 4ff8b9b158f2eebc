"""The command-centre mesh: laptops on one local network exchange events live over mutual TLS."""
