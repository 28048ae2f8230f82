"""VUDENC-style token vulnerability tagger: word2vec embeddings, LSTM, per-token sigmoid.

Token ids come from SecureGen's own C# tokenizer (`securegen scorer export-data`); nothing here
tokenizes source code.
"""
