"""Tasks on screen: the Tasks tab, the task dialog, "Make a task" on log, messages, steps."""
