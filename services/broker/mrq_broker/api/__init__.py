"""The gRPC services: thin servicers that check a request, call one operation, answer."""
