"""The command roster on screen: the org chart, signing in and out of a post."""
