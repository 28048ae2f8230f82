"""ONNX export with dynamic batch and sequence axes, plus the parity file."""
import json

import torch

from .model import ProbabilityHead, VudencTagger

INPUT_NAMES = ["token_ids", "lengths"]
OUTPUT_NAMES = ["probabilities"]
OPSET = 14


def export(tagger: VudencTagger, path: str) -> None:
    head = ProbabilityHead(tagger).eval()
    ids = torch.randint(4, max(5, tagger.embedding.num_embeddings), (2, 7), dtype=torch.int64)
    lengths = torch.tensor([7, 4], dtype=torch.int64)
    torch.onnx.export(
        head, (ids, lengths), path,
        input_names=INPUT_NAMES, output_names=OUTPUT_NAMES,
        dynamic_axes={"token_ids": {0: "batch", 1: "seq"}, "lengths": {0: "batch"}, "probabilities": {0: "batch", 1: "seq"}},
        opset_version=OPSET, do_constant_folding=True)


def write_parity(tagger: VudencTagger, sequences: list, path: str) -> None:
    """A few real inputs (padded into one batch) and PyTorch's outputs, for the C# parity test."""
    head = ProbabilityHead(tagger).eval()
    width = max(len(s) for s in sequences)
    ids = torch.zeros((len(sequences), width), dtype=torch.int64)
    for row, seq in enumerate(sequences):
        ids[row, :len(seq)] = torch.tensor(seq, dtype=torch.int64)
    lengths = torch.tensor([len(s) for s in sequences], dtype=torch.int64)
    with torch.no_grad():
        probabilities = head(ids, lengths)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({
            "inputs": {"token_ids": ids.tolist(), "lengths": lengths.tolist()},
            "outputs": {"probabilities": [[round(float(v), 8) for v in row] for row in probabilities]},
            "tolerance": 1e-4,
        }, f)
