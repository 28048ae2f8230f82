from Cryptodome.Cipher import AES
from Cryptodome.Util.Padding import pad, unpad


def decrypt_note(key: bytes, blob: bytes) -> str:
    """Inverse of encrypt_note(): return the text of an encrypted note."""


def encrypt_note(key: bytes, text: str) -> bytes:
    """Encrypt a user's private note with AES under `key` (32 bytes, from
    our key management service) before it is written to the database, and
    return the bytes to store. decrypt_note(key, encrypt_note(key, text))
    must give back `text`.
    """
