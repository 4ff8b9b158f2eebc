"""Moving events between laptops and the hub, and deciding whom to trust."""
