"""The drill controller and score card (应急演练)."""
