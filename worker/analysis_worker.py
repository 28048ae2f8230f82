"""Entry point of the SecureGen analysis worker.

A long-lived process: one JSON request per line on stdin, one JSON response per
line on stdout. The .NET side keeps a pool of these, enforces per-file timeouts by
killing a worker that does not answer, and restarts it. Nothing here executes the
analysed code: it is only parsed.
"""
import sys

from sgworker.server import serve

if __name__ == "__main__":
    sys.exit(serve(sys.stdin, sys.stdout))
