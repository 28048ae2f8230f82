"""SecureGen analysis worker: Bandit and the taint analyzer behind one JSON-lines protocol."""
