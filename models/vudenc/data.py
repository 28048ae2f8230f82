"""Reads a training set version written by `securegen scorer export-data` (ids only, no tokenizing here)."""
import json
import os


def read_jsonl(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


class TrainingSet:
    def __init__(self, directory: str):
        self.directory = directory
        manifest_path = os.path.join(directory, "manifest.json")
        if not os.path.exists(manifest_path):
            raise SystemExit(f"error: {directory} is not a training set (no manifest.json); run `securegen scorer export-data --out {directory}`")
        with open(manifest_path, encoding="utf-8") as f:
            self.manifest = json.load(f)
        with open(os.path.join(directory, "vocab.json"), encoding="utf-8") as f:
            self.vocab = json.load(f)
        self.train = read_jsonl(os.path.join(directory, "train.jsonl"))
        self.val = read_jsonl(os.path.join(directory, "val.jsonl"))
        self.test = read_jsonl(os.path.join(directory, "test.jsonl"))
        self.vocab_size = len(self.vocab["tokens"])

    def corpus(self):
        """word2vec sentences: corpus chunks plus the training split's code (never val/test)."""
        sentences = [[str(i) for i in row["ids"]] for row in read_jsonl(os.path.join(self.directory, "corpus.jsonl"))]
        sentences += [[str(i) for i in row["ids"]] for row in self.train]
        return sentences


def windows(samples, window: int):
    """Cuts each sample into consecutive windows of at most `window` tokens, as the C# scorer does."""
    out = []
    for sample in samples:
        ids, labels = sample["ids"], sample["labels"]
        for start in range(0, len(ids), window):
            out.append((ids[start:start + window], labels[start:start + window]))
    return out
