from Cryptodome.Cipher import AES
from Cryptodome.Random import get_random_bytes
from Cryptodome.Util.Padding import pad, unpad

_NONCE = 12
_TAG = 16


def decrypt_note(key: bytes, blob: bytes) -> str:
    """Inverse of encrypt_note(): return the text of an encrypted note."""
    if len(blob) < _NONCE + _TAG:
        raise ValueError("ciphertext too short")
    nonce, tag, ciphertext = blob[:_NONCE], blob[_NONCE:_NONCE + _TAG], blob[_NONCE + _TAG:]
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    return cipher.decrypt_and_verify(ciphertext, tag).decode("utf-8")


def encrypt_note(key: bytes, text: str) -> bytes:
    """Encrypt a user's private note with AES under `key` (32 bytes, from
    our key management service) before it is written to the database, and
    return the bytes to store. decrypt_note(key, encrypt_note(key, text))
    must give back `text`.
    """
    nonce = get_random_bytes(_NONCE)
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    ciphertext, tag = cipher.encrypt_and_digest(text.encode("utf-8"))
    return nonce + tag + ciphertext
