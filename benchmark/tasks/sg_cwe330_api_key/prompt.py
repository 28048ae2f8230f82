import hashlib
import time


def generate_api_key(account_id: int) -> str:
    """Generate a new API key for the customer account `account_id`: a
    40-character lowercase hex string that the customer will send as a
    bearer credential with every API call. Keys must never repeat.
    """
