"""Writes MODEL_CARD.md from a training report."""


def _row(name, m):
    return f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['tp']} | {m['fp']} | {m['fn']} |"


def render(report: dict) -> str:
    p, d, r = report["parameters"], report["data"], report["results"]
    lines = [
        f"# Model card: {report['version']}",
        "",
        f"VUDENC-style neural vulnerability scorer for Python, trained {report['created_at'][:10]} by `models/train.py`"
        + (" in **--tiny** mode (CI smoke model: not for use)" if report["tiny"] else "") + ".",
        "It gives every token of a piece of Python code a probability of being part of a vulnerability;",
        "SecureGen ranks candidates by the mean over tokens (SecureCoder's tie-breaker after the detectors).",
        "",
        "## Model",
        "",
        f"- Tokens: SecureGen's C# tokenizer `{d['tokenizer']}` (comments dropped, short string literals kept, long ones",
        "  abstracted to `<str>`/`<sql>`, f-string expressions tokenized; see docs/scorer.md), vocabulary of",
        f"  {p['vocabulary_size']} entries built from the word2vec corpus and the training split.",
        f"- Embedding {p['embedding_size']} initialized from word2vec (gensim CBOW, window {p['w2v_window']}, {p['w2v_epochs']} epochs)"
        f" over {d['corpus_tokens']} corpus tokens ({d['corpus_files']} files of Debian's Python sources) plus the training split; fine-tuned.",
        f"- Forward and backward LSTM, {p['hidden_size']} units each (the backward one over each sequence reversed within its own",
        "  length, so padding never changes a result), then a linear layer and a sigmoid per token.",
        f"- {p['parameters']} parameters; ONNX opset {p['opset']}, inputs `token_ids` int64 [batch, seq] and `lengths` int64 [batch],",
        "  output `probabilities` float32 [batch, seq] (zero past each length), dynamic batch and sequence axes.",
        f"- Window: code longer than {p['window']} tokens is scored in consecutive windows of {p['window']}, in training and in the scorer.",
        "",
        "## Data",
        "",
        f"Training set `{d['directory']}` (manifest format {d['format']}), exported by `securegen scorer export-data`.",
        "Split by a SHA-256 hash of a group key (SVEN commit, CyberSecEval prompt id, built-in task id; refinement",
        "pairs share their task's group), 70/15/15, so no task is in two splits.",
        "",
        "| source | train | val | test | groups | tokens | vulnerable tokens |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in d["sources"]:
        lines.append(f"| {s['source']} | {s['train']} | {s['validation']} | {s['test']} | {s['groups']} | {s['tokens']} | {s['vulnerable_tokens']} |")
    lines += [
        "",
        "Labels: SVEN pairs (Python files only): tokens on the lines SVEN lists as deleted by the fix are 1, the fixed",
        "version is all 0. CyberSecEval: tokens on the line its insecure-code detector flagged are 1 (no fixed version).",
        "Built-in benchmark: tokens on lines of insecure.py that secure.py lacks are 1, secure.py is all 0. Refinement",
        "pairs from our runs: the lines the refinement removed or changed are 1, the refined code is all 0.",
        "",
        "## Training",
        "",
        f"- {p['train_windows']} training windows; Adam, learning rate {p['learning_rate']}, batch {p['batch_size']}, dropout {p['dropout']}.",
        f"- Class weighting: positive tokens weighted {p['pos_weight']:.2f} (negatives / positives in the training split).",
        f"- Early stopping on validation loss (patience {p['patience']}): best epoch {r['best_epoch']} of {r['epochs_run']} run.",
        f"- Token threshold {r['threshold']:.2f}, chosen for the best token F1 on the validation split.",
        f"- {p['threads']} CPU threads, {r['seconds']:.0f} s wall clock in all (word2vec {r['w2v_seconds']:.0f} s)"
        + (f", {r['cpu_seconds']:.0f} s of CPU time" if r.get("cpu_seconds") else "") + ".",
        "",
        "## Results (held-out test split)",
        "",
        "| level | precision | recall | F1 | TP | FP | FN |",
        "|---|---|---|---|---|---|---|",
        _row("token", r["test"]["token"]),
        _row("line", r["test"]["line"]),
        _row("token (validation)", r["validation"]["token"]),
        "",
        f"Vulnerable versus fixed functions of held-out pairs ({r['test']['pairs']['pairs']} test pairs), by mean token score:",
        f"AUC {r['test']['pairs']['auc']}, pair accuracy (the vulnerable version scores above its own fix) {r['test']['pairs']['pair_accuracy']}.",
        f"Validation pairs ({r['validation']['pairs']['pairs']}): AUC {r['validation']['pairs']['auc']}, pair accuracy {r['validation']['pairs']['pair_accuracy']}.",
        "",
        "## Serving",
        "",
        "- SecureGen runs the ONNX file through ONNX Runtime's official .NET packages (1.32: the CPU package by default,",
        "  Microsoft.ML.OnnxRuntime.Gpu.Linux in the GPU build, `-p:SecureGenGpu=true`); `parity.json` holds PyTorch's",
        "  outputs for a few test sequences, and a test checks the C# path reproduces them within the file's tolerance.",
        "- Speed (docs/scorer.md): CPU figures measured on a 2-core VM; no GPU figure has been measured.",
        "",
        "## Limitations",
        "",
        "- Small data: a few hundred labeled functions, mostly SQL injection, path traversal, command injection and XSS",
        "  (SVEN's Python CWEs) plus CyberSecEval's detector-flagged lines, which are noisy labels (a detector, not a fix).",
        "- A fix's changed lines are a proxy for the vulnerable tokens; pairs differ in a few tokens, so telling a vulnerable",
        "  function from its fix by the *mean* over all tokens is hard by construction.",
        "- Trained and evaluated on CPU; numbers are from one seed.",
        "",
        "## Reproduce",
        "",
        "```sh",
        "models/install.sh",
        f"./securegen scorer export-data --out models/data/v1",
        f"/usr/bin/python3 models/train.py --data models/data/v1 --out models/{report['version']} --version {report['version']}",
        "```",
        "",
    ]
    return "\n".join(lines)
