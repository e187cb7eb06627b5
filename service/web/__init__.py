"""The HTTP face: the app factory, thin views, request parsing, one error shape, access, telemetry, the server."""
