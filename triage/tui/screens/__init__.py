"""One screen per module: home, the stage walk, route, review and outputs."""
