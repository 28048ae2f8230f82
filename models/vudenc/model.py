"""The tagger network and its ONNX-facing wrapper."""
import torch
from torch import nn


class VudencTagger(nn.Module):
    """Embedding -> forward LSTM + backward LSTM -> per-token logit.

    The backward direction is a second LSTM run over each sequence reversed *within its own
    length* (a gather with length-aware indices), so right padding never leaks into real
    tokens in either direction: a sequence scores the same alone or padded inside a batch.
    That keeps the graph exportable to plain ONNX (no packed sequences).
    """

    def __init__(self, vocab_size: int, embed_dim: int = 64, hidden: int = 64, dropout: float = 0.25):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.forward_lstm = nn.LSTM(embed_dim, hidden, batch_first=True)
        self.backward_lstm = nn.LSTM(embed_dim, hidden, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(2 * hidden, 1)

    @staticmethod
    def masks(token_ids: torch.Tensor, lengths: torch.Tensor):
        positions = torch.arange(token_ids.shape[1], device=token_ids.device).unsqueeze(0)
        valid = positions < lengths.unsqueeze(1)
        reverse = torch.where(valid, lengths.unsqueeze(1) - 1 - positions, positions)
        return valid, reverse

    def logits(self, token_ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        valid, reverse = self.masks(token_ids, lengths)
        x = self.embedding(token_ids)
        # Explicit zero states sized from the input keep the exported graph free of a baked-in batch size.
        zeros = x.new_zeros((1, x.shape[0], self.forward_lstm.hidden_size))
        forward_out, _ = self.forward_lstm(x, (zeros, zeros))
        index = reverse.unsqueeze(-1)
        reversed_x = torch.gather(x, 1, index.expand(-1, -1, x.shape[2]))
        backward_out, _ = self.backward_lstm(reversed_x, (zeros, zeros))
        backward_out = torch.gather(backward_out, 1, index.expand(-1, -1, backward_out.shape[2]))
        hidden = torch.cat([forward_out, backward_out], dim=2)
        return self.head(self.dropout(hidden)).squeeze(2), valid

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        logits, _ = self.logits(token_ids, lengths)
        return logits


class ProbabilityHead(nn.Module):
    """What ONNX gets: inputs token_ids [batch, seq] int64 and lengths [batch] int64,
    output probabilities [batch, seq] float32, zero beyond each sequence's length."""

    def __init__(self, tagger: VudencTagger):
        super().__init__()
        self.tagger = tagger

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        logits, valid = self.tagger.logits(token_ids, lengths)
        return torch.sigmoid(logits) * valid.to(logits.dtype)
