#!/usr/bin/env python3
"""Trains the VUDENC-style token vulnerability tagger on a training set exported by
`securegen scorer export-data` and writes a model version folder:

  model.onnx   the tagger (token_ids int64 [batch, seq], lengths int64 [batch] -> probabilities float32 [batch, seq])
  vocab.json   the vocabulary the ids came from (copied from the training set)
  model.json   what the C# scorer needs to run it (window, names, sizes)
  parity.json  a few real inputs and PyTorch's outputs, which the C# tests reproduce within 1e-4
  report.json  parameters, data counts, validation and test metrics
  MODEL_CARD.md

Usage: /usr/bin/python3 models/train.py --data DIR --out DIR [--version NAME] [--tiny] [--card PATH]
Needs Debian's python3-torch, python3-gensim and python3-onnx (models/install.sh).
"""
import argparse
import datetime
import json
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import numpy as np
    import torch
    from torch import nn
    from gensim.models import Word2Vec
    import onnx
except ImportError as e:  # pragma: no cover - depends on the machine
    raise SystemExit(f"error: training needs python3-torch, python3-gensim and python3-onnx ({e}); run models/install.sh")

from vudenc import card, metrics, onnx_export
from vudenc.data import TrainingSet, windows
from vudenc.model import ProbabilityHead, VudencTagger

FULL = dict(embedding=64, hidden=64, window=128, batch=64, lr=3e-3, epochs=12, patience=3, dropout=0.25, w2v_epochs=3, w2v_window=5, max_train_windows=None)
TINY = dict(embedding=16, hidden=16, window=64, batch=16, lr=5e-3, epochs=2, patience=1, dropout=0.1, w2v_epochs=1, w2v_window=3, max_train_windows=48)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def word2vec_embeddings(ds, cfg, threads, seed):
    sentences = ds.corpus()
    model = Word2Vec(sentences=sentences, vector_size=cfg["embedding"], window=cfg["w2v_window"], min_count=1,
                     workers=threads, epochs=cfg["w2v_epochs"], sg=0, seed=seed)
    rng = np.random.default_rng(seed)
    weights = rng.normal(0.0, 0.1, size=(ds.vocab_size, cfg["embedding"])).astype(np.float32)
    found = 0
    for token_id in range(ds.vocab_size):
        key = str(token_id)
        if key in model.wv.key_to_index:
            weights[token_id] = model.wv[key]
            found += 1
    weights[0] = 0.0  # padding
    return weights, found


def pad(batch):
    width = max(len(ids) for ids, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.int64)
    labels = torch.zeros((len(batch), width), dtype=torch.float32)
    lengths = torch.tensor([len(i) for i, _ in batch], dtype=torch.int64)
    for row, (i, l) in enumerate(batch):
        ids[row, :len(i)] = torch.tensor(i, dtype=torch.int64)
        labels[row, :len(l)] = torch.tensor(l, dtype=torch.float32)
    return ids, lengths, labels


def weighted_loss(tagger, batch, pos_weight):
    ids, lengths, labels = pad(batch)
    logits, valid = tagger.logits(ids, lengths)
    per_token = nn.functional.binary_cross_entropy_with_logits(logits, labels, pos_weight=pos_weight, reduction="none")
    mask = valid.to(per_token.dtype)
    return (per_token * mask).sum() / mask.sum()


def predict(tagger, samples, window, batch_size=64):
    """Per-sample token probabilities, scored window by window like the C# scorer."""
    head = ProbabilityHead(tagger).eval()
    pieces = []
    for index, sample in enumerate(samples):
        for start in range(0, len(sample["ids"]), window):
            pieces.append((index, start, sample["ids"][start:start + window]))
    out = [[0.0] * len(s["ids"]) for s in samples]
    with torch.no_grad():
        for b in range(0, len(pieces), batch_size):
            chunk = pieces[b:b + batch_size]
            ids, lengths, _ = pad([(p[2], []) for p in chunk])
            probs = head(ids, lengths)
            for row, (index, start, seq) in enumerate(chunk):
                out[index][start:start + len(seq)] = probs[row, :len(seq)].tolist()
    return out


def evaluate(tagger, samples, window, threshold):
    probs = predict(tagger, samples, window)
    return {
        "token": metrics.token_prf(samples, probs, threshold),
        "line": metrics.line_prf(samples, probs, threshold),
        "pairs": metrics.pair_metrics(samples, probs),
    }, probs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="training set folder (securegen scorer export-data --out)")
    parser.add_argument("--out", required=True, help="model version folder to write")
    parser.add_argument("--version", help="model version name (default: the --out folder name)")
    parser.add_argument("--tiny", action="store_true", help="train a tiny model on a few windows for a few seconds (CI)")
    parser.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--card", help="also write the model card here (e.g. models/MODEL_CARD.md)")
    args = parser.parse_args()

    started = time.time()
    cfg = TINY if args.tiny else FULL
    version = args.version or os.path.basename(os.path.normpath(args.out))
    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    ds = TrainingSet(args.data)
    if not ds.train or not ds.val:
        raise SystemExit(f"error: {args.data} has no training or validation samples")

    w2v_started = time.time()
    embeddings, found = word2vec_embeddings(ds, cfg, args.threads, args.seed)
    w2v_seconds = time.time() - w2v_started
    print(f"word2vec: {found}/{ds.vocab_size} vocabulary ids embedded in {w2v_seconds:.1f}s", flush=True)

    tagger = VudencTagger(ds.vocab_size, cfg["embedding"], cfg["hidden"], cfg["dropout"])
    with torch.no_grad():
        tagger.embedding.weight.copy_(torch.from_numpy(embeddings))
    train_windows = windows(ds.train, cfg["window"])
    random.Random(args.seed).shuffle(train_windows)
    if cfg["max_train_windows"]:
        train_windows = train_windows[:cfg["max_train_windows"]]
    val_windows = windows(ds.val, cfg["window"])
    positives = sum(sum(l) for _, l in train_windows)
    negatives = sum(len(l) for _, l in train_windows) - positives
    pos_weight = torch.tensor(negatives / max(1, positives), dtype=torch.float32)
    optimizer = torch.optim.Adam(tagger.parameters(), lr=cfg["lr"])

    best = (float("inf"), 0, None)
    epochs_run = 0
    for epoch in range(1, cfg["epochs"] + 1):
        epochs_run = epoch
        tagger.train()
        random.Random(args.seed + epoch).shuffle(train_windows)
        total = 0.0
        for b in range(0, len(train_windows), cfg["batch"]):
            optimizer.zero_grad()
            loss = weighted_loss(tagger, train_windows[b:b + cfg["batch"]], pos_weight)
            loss.backward()
            nn.utils.clip_grad_norm_(tagger.parameters(), 1.0)
            optimizer.step()
            total += loss.item()
        tagger.eval()
        with torch.no_grad():
            val_loss = sum(weighted_loss(tagger, val_windows[b:b + 64], pos_weight).item() for b in range(0, len(val_windows), 64)) / max(1, (len(val_windows) + 63) // 64)
        print(f"epoch {epoch}: train loss {total / max(1, (len(train_windows) + cfg['batch'] - 1) // cfg['batch']):.4f}, validation loss {val_loss:.4f}", flush=True)
        if val_loss < best[0]:
            best = (val_loss, epoch, {k: v.clone() for k, v in tagger.state_dict().items()})
        elif epoch - best[1] >= cfg["patience"]:
            break
    tagger.load_state_dict(best[2])
    tagger.eval()

    val_probs = predict(tagger, ds.val, cfg["window"])
    threshold = metrics.best_threshold(ds.val, val_probs)
    validation, _ = evaluate(tagger, ds.val, cfg["window"], threshold)
    test, _ = evaluate(tagger, ds.test, cfg["window"], threshold) if ds.test else ({"token": metrics.prf(0, 0, 0), "line": metrics.prf(0, 0, 0), "pairs": metrics.pair_metrics([], [])}, None)

    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, "model.onnx")
    onnx_export.export(tagger, onnx_path)
    onnx.checker.check_model(onnx.load(onnx_path))
    parity_source = (ds.test or ds.val)
    parity_lengths = [cfg["window"], 61, 23, 7]
    parity = [s["ids"][:n] for s, n in zip(parity_source, parity_lengths) if s["ids"]]
    onnx_export.write_parity(tagger, parity, os.path.join(args.out, "parity.json"))
    shutil.copyfile(os.path.join(args.data, "vocab.json"), os.path.join(args.out, "vocab.json"))

    created = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    manifest = {
        "format": "securegen-vudenc-1", "version": version, "tokenizer": ds.vocab["tokenizer"],
        "vocabulary_size": ds.vocab_size, "window": cfg["window"], "embedding_size": cfg["embedding"], "hidden_size": cfg["hidden"],
        "input_ids": onnx_export.INPUT_NAMES[0], "input_lengths": onnx_export.INPUT_NAMES[1], "output": onnx_export.OUTPUT_NAMES[0],
        "training_data": os.path.relpath(args.data), "created_at": created, "threshold": threshold,
    }
    with open(os.path.join(args.out, "model.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)

    report = {
        "version": version, "created_at": created, "tiny": args.tiny,
        "parameters": {
            "vocabulary_size": ds.vocab_size, "embedding_size": cfg["embedding"], "hidden_size": cfg["hidden"], "window": cfg["window"],
            "batch_size": cfg["batch"], "learning_rate": cfg["lr"], "dropout": cfg["dropout"], "patience": cfg["patience"],
            "w2v_epochs": cfg["w2v_epochs"], "w2v_window": cfg["w2v_window"], "pos_weight": float(pos_weight),
            "train_windows": len(train_windows), "threads": args.threads, "opset": onnx_export.OPSET,
            "parameters": sum(p.numel() for p in tagger.parameters()),
        },
        "data": {
            "directory": os.path.relpath(args.data), "format": ds.manifest["format"], "tokenizer": ds.manifest["tokenizer"],
            "corpus_tokens": ds.manifest["corpus_tokens"], "corpus_files": ds.manifest["corpus_files"], "sources": ds.manifest["sources"],
            "refinement_pairs": ds.manifest.get("refinement_pairs", 0),
        },
        "results": {
            "best_epoch": best[1], "epochs_run": epochs_run, "threshold": threshold,
            "validation": validation, "test": test,
            "seconds": time.time() - started, "cpu_seconds": time.process_time(), "w2v_seconds": w2v_seconds,
        },
    }
    with open(os.path.join(args.out, "report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
    text = card.render(report)
    with open(os.path.join(args.out, "MODEL_CARD.md"), "w", encoding="utf-8") as f:
        f.write(text)
    if args.card:
        with open(args.card, "w", encoding="utf-8") as f:
            f.write(text)
    print(json.dumps({"version": version, "threshold": threshold, "test": test, "seconds": round(time.time() - started, 1)}), flush=True)


if __name__ == "__main__":
    main()
