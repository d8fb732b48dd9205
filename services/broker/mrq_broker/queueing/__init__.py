"""The Redis side: every key, the queues and leases (Lua scripts in scripts/), and wake-ups."""
