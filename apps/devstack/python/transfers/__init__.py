"""The devstack's transfer loop: Rucio's conveyor with the mock transfertool plus a dev-only mover.

Dev only. Production runs FTS and Rucio's daemons as separate services; nothing here is meant for it.
"""
